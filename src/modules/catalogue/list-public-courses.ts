import type { DbOrTx } from '../../db/client.js';
import { SECTORS, type Sector } from '../people/tables.js';
import { listPublishedCourses, type PublicCourseRow } from './repository.js';
import { COMPETENCY_AREAS, type CompetencyArea } from './tables.js';

export interface PublicCatalogueQuery {
  /** Association slug. */
  association?: string;
  sector?: string;
  area?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * Published courses for the public catalogue. Filter values that name nothing known are ignored,
 * as a hand-edited address should still show a catalogue.
 */
export async function listPublicCourses(
  db: DbOrTx,
  query: PublicCatalogueQuery,
): Promise<{ items: PublicCourseRow[]; total: number; page: number; pageSize: number }> {
  const sector = (SECTORS as readonly string[]).includes(query.sector ?? '') ? (query.sector as Sector) : undefined;
  const area = (COMPETENCY_AREAS as readonly string[]).includes(query.area ?? '') ? (query.area as CompetencyArea) : undefined;
  const { items, total } = await listPublishedCourses(db, {
    associationSlug: query.association || undefined,
    sector,
    area,
    q: query.q?.trim() || undefined,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
