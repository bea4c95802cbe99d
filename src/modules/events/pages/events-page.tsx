import { PublicLayout, type PageContext } from '../../../web/server/layout.js';
import type { EventRow } from '../events-repository.js';
import type { SessionListItem } from '../list-sessions.js';
import { SessionList, Text } from './public-parts.js';

export interface PublicEvent extends EventRow {
  associationSlug: string;
  associationName: string;
}

export function eventPath(event: { associationSlug: string; slug: string }): string {
  return `/events/${encodeURIComponent(event.associationSlug)}/${encodeURIComponent(event.slug)}`;
}

/** "12–16 May 2025" from the event's calendar dates (shown as the dates they are, in no zone). */
export function eventDates(ctx: PageContext, event: { startsOn: string; endsOn: string }): string {
  const start = ctx.tr.formatDate(`${event.startsOn}T00:00:00Z`, 'long', 'UTC');
  if (event.endsOn === event.startsOn) return start;
  return `${start} – ${ctx.tr.formatDate(`${event.endsOn}T00:00:00Z`, 'long', 'UTC')}`;
}

/** Published events still to come, then the sessions that belong to no event. */
export function EventsPage({ ctx, events, sessions }: { ctx: PageContext; events: PublicEvent[]; sessions: SessionListItem[] }) {
  const { tr, locale } = ctx;
  return (
    <PublicLayout ctx={ctx} title={tr.t('events.page.events_title')}>
      <p className="lead">{tr.t('events.page.events_lead')}</p>
      {events.length === 0 && sessions.length === 0 ? <p>{tr.t('events.page.nothing_upcoming')}</p> : null}
      {events.length > 0 ? (
        <ul className="cards event-cards">
          {events.map((e) => (
            <li key={e.id}>
              <h2>
                <a href={eventPath(e)}>
                  <Text text={e.title} locale={locale} />
                </a>
              </h2>
              <p>
                {eventDates(ctx, e)}
                {e.city ? ` · ${e.city}` : ''}
              </p>
              <p className="muted">{e.associationName}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {sessions.length > 0 ? (
        <section aria-labelledby="other-sessions">
          <h2 id="other-sessions">{tr.t('events.page.other_sessions')}</h2>
          <SessionList ctx={ctx} sessions={sessions} />
        </section>
      ) : null}
    </PublicLayout>
  );
}
