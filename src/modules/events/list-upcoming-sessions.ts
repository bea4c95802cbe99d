import type { DbOrTx } from '../../db/client.js';
import { withListFacts, type SessionListItem } from './list-sessions.js';
import { listUpcomingPublished } from './sessions-repository.js';

/** The public address of a session's page. */
export function sessionPath(session: { associationSlug: string; slug: string }): string {
  return `/sessions/${encodeURIComponent(session.associationSlug)}/${encodeURIComponent(session.slug)}`;
}

export interface UpcomingSession extends SessionListItem {
  /** The public page, with the registration form. */
  path: string;
}

/** Published sessions of a course that have not ended, soonest first: for the public catalogue page. */
export async function listUpcomingSessionsForCourse(db: DbOrTx, courseId: string, now = new Date()): Promise<UpcomingSession[]> {
  const rows = await listUpcomingPublished(db, { courseId, now, limit: 50 });
  return (await withListFacts(db, rows)).map((s) => ({ ...s, path: sessionPath(s) }));
}

/** Published sessions that belong to no event and have not ended, for the public events page. */
export async function listUpcomingStandaloneSessions(db: DbOrTx, now = new Date()): Promise<UpcomingSession[]> {
  const rows = await listUpcomingPublished(db, { withoutEvent: true, now, limit: 100 });
  return (await withListFacts(db, rows)).map((s) => ({ ...s, path: sessionPath(s) }));
}
