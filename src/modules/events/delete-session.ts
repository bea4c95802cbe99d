import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRecordAccess } from './event-access.js';
import { deleteSessionRow, findSessionById, hasRegistrations, lockSession } from './sessions-repository.js';

export interface DeleteSessionOptions {
  actor: AuthContext | null;
  id: string;
}

/**
 * Removes a session nobody has registered for (typically a draft entered by mistake). Once anyone
 * has registered — even if they cancelled since — the session stays: cancel it instead.
 */
export async function deleteSession(db: Db, options: DeleteSessionOptions): Promise<void> {
  const current = await findSessionById(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'session' } });
  checkRecordAccess(options.actor, current.associationId, 'write', 'session');
  await db.transaction(async (tx) => {
    await lockSession(tx, current.id);
    if (await hasRegistrations(tx, current.id)) throw new AppError('conflict', { messageKey: 'events.errors.session_has_registrations' });
    await deleteSessionRow(tx, current.id);
  });
}
