import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import type { Messages } from '../../platform/i18n/catalogue.js';
import { cancelSessionIn, cleanReason } from './cancel-session.js';
import { checkRecordAccess } from './event-access.js';
import { findEventById, lockEvent, updateEventRow } from './events-repository.js';
import { getEventIn, type EventDetail } from './get-event.js';
import { sessionIdsOfEvent } from './sessions-repository.js';

export interface CancelEventOptions {
  actor: AuthContext | null;
  id: string;
  reason: string;
}

/**
 * Cancels the event and, in the same transaction, each of its sessions not cancelled yet (their
 * registrants are mailed). Nothing is deleted.
 */
export async function cancelEvent(db: Db, messages: Messages, options: CancelEventOptions): Promise<EventDetail> {
  const current = await findEventById(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'event' } });
  checkRecordAccess(options.actor, current.associationId, 'write', 'event');
  const reason = cleanReason(options.reason);
  await db.transaction(async (tx) => {
    const event = (await lockEvent(tx, current.id))!;
    if (event.status === 'cancelled') return;
    for (const sessionId of await sessionIdsOfEvent(tx, event.id, ['draft', 'published'])) await cancelSessionIn(tx, messages, sessionId, reason);
    await updateEventRow(tx, event.id, { status: 'cancelled' });
  });
  return getEventIn(db, current.id);
}
