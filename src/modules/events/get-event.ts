import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRecordAccess } from './event-access.js';
import { findEventById, type EventRow } from './events-repository.js';
import { withListFacts, type SessionListItem } from './list-sessions.js';
import { listSessions } from './sessions-repository.js';

export interface EventDetail extends EventRow {
  sessions: SessionListItem[];
}

/** The event with every one of its sessions, without an access check. */
export async function getEventIn(db: DbOrTx, id: string): Promise<EventDetail> {
  const event = await findEventById(db, id);
  if (!event) throw new AppError('not_found', { values: { what: 'event' } });
  const { items } = await listSessions(db, { associationIds: [event.associationId], eventId: id, limit: 500, offset: 0 });
  return { ...event, sessions: await withListFacts(db, items) };
}

export interface GetEventOptions {
  actor: AuthContext | null;
  id: string;
}

export async function getEvent(db: DbOrTx, options: GetEventOptions): Promise<EventDetail> {
  const event = await findEventById(db, options.id);
  if (!event) throw new AppError('not_found', { values: { what: 'event' } });
  checkRecordAccess(options.actor, event.associationId, 'read', 'event');
  return getEventIn(db, options.id);
}
