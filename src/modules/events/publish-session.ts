import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRecordAccess } from './event-access.js';
import { loadSessionDetail, type SessionDetail } from './get-session.js';
import { findDays, findSessionById, lockSession, updateSessionRow } from './sessions-repository.js';

export interface PublishSessionOptions {
  actor: AuthContext | null;
  id: string;
}

/** Puts a draft session on the public pages, open for registration within its window. */
export async function publishSession(db: Db, options: PublishSessionOptions): Promise<SessionDetail> {
  const current = await findSessionById(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'session' } });
  checkRecordAccess(options.actor, current.associationId, 'write', 'session');
  await db.transaction(async (tx) => {
    const session = (await lockSession(tx, current.id))!;
    if (session.status === 'cancelled') throw new AppError('conflict', { messageKey: 'events.errors.session_cancelled' });
    if ((await findDays(tx, session.id)).length === 0) {
      throw new AppError('validation', { fields: { days: { key: 'days_required' } } });
    }
    if (session.status === 'draft') await updateSessionRow(tx, session.id, { status: 'published' });
  });
  return (await loadSessionDetail(db, current.id))!;
}
