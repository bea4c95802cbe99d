import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { memberAssociations } from './access.js';
import { listCourses as selectCourses, type CourseSummaryRow } from './repository.js';
import type { CourseStatus } from './tables.js';

export interface ListCoursesOptions {
  actor: AuthContext | null;
  associationId?: string;
  programmeId?: string;
  status?: CourseStatus;
  /** Part of the title (in any language) or of the code. */
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

/** Published courses of every association, and every course of the associations the caller belongs to. */
export async function listCourses(db: DbOrTx, options: ListCoursesOptions): Promise<Page<CourseSummaryRow>> {
  const { items, total } = await selectCourses(db, {
    memberOf: memberAssociations(options.actor),
    associationId: options.associationId,
    programmeId: options.programmeId,
    status: options.status,
    q: options.q,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  });
  return { items, total, page: options.page, pageSize: options.pageSize };
}
