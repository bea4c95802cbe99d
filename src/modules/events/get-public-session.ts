import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { findEventById, type EventRow } from './events-repository.js';
import { loadSessionDetail, type SessionDetail } from './get-session.js';
import type { Locale } from '../../config.js';
import type { ProjectAcknowledgement } from './project-acknowledgement.js';
import { acknowledgementOf } from './session-links.js';
import { findSessionBySlug } from './sessions-repository.js';

export interface PublicSession {
  session: SessionDetail;
  /** The event it belongs to, when that event is public. */
  event: (EventRow & { associationSlug: string }) | null;
  acknowledgement: ProjectAcknowledgement | null;
}

/** A published (or cancelled) session by its public address; drafts do not exist for the public. */
export async function getPublicSession(db: DbOrTx, associationSlug: string, slug: string, locale: Locale): Promise<PublicSession> {
  const found = await findSessionBySlug(db, associationSlug, slug);
  if (!found || found.status === 'draft') throw new AppError('not_found', { values: { what: 'session' } });
  const [session, event, acknowledgement] = await Promise.all([
    loadSessionDetail(db, found.id),
    found.eventId ? findEventById(db, found.eventId) : null,
    acknowledgementOf(db, found.projectId, locale),
  ]);
  return {
    session: session!,
    event: event && event.status !== 'draft' ? { ...event, associationSlug: found.associationSlug } : null,
    acknowledgement,
  };
}
