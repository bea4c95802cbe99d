import type { DbOrTx } from '../../db/client.js';
import type { Translator } from '../../platform/i18n/catalogue.js';
import { dateRange, formatPrice, languageName } from './session-format.js';
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

/**
 * The catalogue's course page lists a course's upcoming sessions through this, worded for the
 * reader: dates and city as the link, then format, language, seats and price.
 */
export function upcomingSessionItems(db: DbOrTx) {
  return async (courseId: string, tr: Translator): Promise<Array<{ href: string; label: string; details: string[] }>> => {
    const sessions = await listUpcomingSessionsForCourse(db, courseId);
    return sessions.map((s) => ({
      href: s.path,
      label: [dateRange(s.days, s.timeZone, tr.locale), s.format === 'online' ? null : s.city].filter(Boolean).join(' · '),
      details: [
        tr.t(`events.format.${s.format}`),
        languageName(s.language, tr.locale),
        s.seatsLeft > 0 ? tr.t('events.page.seats_left', { count: s.seatsLeft }) : tr.t('events.page.full'),
        formatPrice(tr, s.priceAmount, s.priceCurrency),
      ],
    }));
  };
}
