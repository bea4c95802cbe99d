import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRecordAccess } from './event-access.js';
import { deleteEventRow, findEventById, lockEvent } from './events-repository.js';
import { countSessionsOfEvent } from './sessions-repository.js';

export interface DeleteEventOptions {
  actor: AuthContext | null;
  id: string;
}

/** Removes an event that has no sessions; one with sessions is cancelled instead. */
export async function deleteEvent(db: Db, options: DeleteEventOptions): Promise<void> {
  const current = await findEventById(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'event' } });
  checkRecordAccess(options.actor, current.associationId, 'write', 'event');
  await db.transaction(async (tx) => {
    await lockEvent(tx, current.id);
    if ((await countSessionsOfEvent(tx, current.id)) > 0) throw new AppError('conflict', { messageKey: 'events.errors.event_has_sessions' });
    await deleteEventRow(tx, current.id);
  });
}
