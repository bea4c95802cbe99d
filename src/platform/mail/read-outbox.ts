import type { Db } from '../../db/client.js';
import { associationsWithRole, requireAuth, type AuthContext } from '../auth/access.js';
import { AppError } from '../errors.js';
import { findOutboxMail, listOutbox, type OutboxMail, type OutboxSummary } from './repository.js';

export const OUTBOX_PAGE_SIZE = 50;

/**
 * Who may read which mail: platform administrators all of it, association administrators the
 * mail of their associations (it names their members), nobody else any.
 */
export function outboxScope(auth: AuthContext | null): string[] | null {
  const ctx = requireAuth(auth);
  const scope = associationsWithRole(ctx, ['admin']);
  if (scope !== null && scope.length === 0) throw new AppError('forbidden');
  return scope;
}

export interface OutboxPage {
  items: OutboxSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export async function readOutbox(db: Db, auth: AuthContext | null, options: { page: number; pageSize?: number }): Promise<OutboxPage> {
  const scope = outboxScope(auth);
  const pageSize = options.pageSize ?? OUTBOX_PAGE_SIZE;
  const page = Math.max(1, Math.floor(options.page));
  const { items, total } = await listOutbox(db, scope, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items, total, page, pageSize };
}

/** A mail outside the reader's scope is reported as missing, so its existence is not revealed. */
export async function readOutboxMail(db: Db, auth: AuthContext | null, id: string): Promise<OutboxMail> {
  const mail = await findOutboxMail(db, id, outboxScope(auth));
  if (!mail) throw new AppError('not_found', { values: { what: 'resource' } });
  return mail;
}
