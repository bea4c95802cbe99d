import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRecordAccess } from './event-access.js';
import { findEventById, lockEvent, updateEventRow } from './events-repository.js';
import { getEventIn, type EventDetail } from './get-event.js';

export interface PublishEventOptions {
  actor: AuthContext | null;
  id: string;
}

/** Lists the event on the public events page; its sessions are published one by one. */
export async function publishEvent(db: Db, options: PublishEventOptions): Promise<EventDetail> {
  const current = await findEventById(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'event' } });
  checkRecordAccess(options.actor, current.associationId, 'write', 'event');
  await db.transaction(async (tx) => {
    const event = (await lockEvent(tx, current.id))!;
    if (event.status === 'cancelled') throw new AppError('conflict', { messageKey: 'events.errors.event_cancelled' });
    if (event.status === 'draft') await updateEventRow(tx, event.id, { status: 'published' });
  });
  return getEventIn(db, current.id);
}
