import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { readableAssociations } from './access.js';
import { nameSkeleton, queryForms } from './name-skeleton.js';
import { listPeople as selectPeople, type PersonSummaryRow } from './repository.js';
import { type ListQuery } from './list-query.js';

export interface ListOptions {
  actor: AuthContext | null;
  associationId?: string;
  /** Part of a name, in any script. */
  q?: string;
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The repository query for a list request: the caller's associations and the search words. */
export function listQuery(options: ListOptions): ListQuery {
  return {
    associationIds: readableAssociations(options.actor, options.associationId),
    forms: queryForms(options.q ?? ''),
    rankBy: nameSkeleton(options.q ?? ''),
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  };
}

export async function listPeople(db: DbOrTx, options: ListOptions): Promise<Page<PersonSummaryRow>> {
  const { items, total } = await selectPeople(db, listQuery(options));
  return { items, total, page: options.page, pageSize: options.pageSize };
}
