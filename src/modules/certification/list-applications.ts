import type { DbOrTx } from '../../db/client.js';
import { associationsWithRole, requireAuth, type AuthContext } from '../../platform/auth/access.js';
import { checkRole, REVIEW_ROLES } from './access.js';
import { listApplicationRows, type ApplicationRow } from './applications-repository.js';
import type { ApplicationStatus } from './tables.js';

export interface ListApplicationsOptions {
  actor: AuthContext | null;
  /** The caller's own applications; otherwise those the caller reviews. */
  mine: boolean;
  associationId?: string | undefined;
  schemeId?: string | undefined;
  statuses?: ApplicationStatus[] | undefined;
  page: number;
  pageSize: number;
}

export interface ApplicationPage {
  items: ApplicationRow[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Applications, oldest submission first: the caller's own, or the review queue of the associations
 * where the caller is an assessor, staff member or administrator (an engineer's queue is empty).
 */
export async function listApplications(db: DbOrTx, options: ListApplicationsOptions): Promise<ApplicationPage> {
  const auth = requireAuth(options.actor);
  let associationIds: string[] | null;
  if (options.mine) associationIds = options.associationId ? [options.associationId] : null;
  else if (options.associationId) {
    checkRole(auth, options.associationId, REVIEW_ROLES);
    associationIds = [options.associationId];
  } else associationIds = associationsWithRole(auth, REVIEW_ROLES);
  const { items, total } = await listApplicationRows(db, {
    associationIds,
    userId: options.mine ? auth.user.id : undefined,
    schemeId: options.schemeId,
    statuses: options.statuses,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  });
  return { items, total, page: options.page, pageSize: options.pageSize };
}
