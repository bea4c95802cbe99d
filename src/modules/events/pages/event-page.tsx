import { PublicLayout, type PageContext } from '../../../web/server/layout.js';
import { pickTranslation } from '../../../platform/i18n/translated.js';
import type { SessionListItem } from '../list-sessions.js';
import type { ProjectAcknowledgement } from '../project-acknowledgement.js';
import { eventDates, type PublicEvent } from './events-page.js';
import { Acknowledgement, SessionList } from './public-parts.js';

/** An event with its sessions; each session links to its page and registration form. */
export function EventPage({ ctx, event, sessions, acknowledgement }: { ctx: PageContext; event: PublicEvent; sessions: SessionListItem[]; acknowledgement: ProjectAcknowledgement | null }) {
  const { tr, locale } = ctx;
  const description = pickTranslation(event.description, locale);
  return (
    <PublicLayout ctx={ctx} title={pickTranslation(event.title, locale)}>
      {event.status === 'cancelled' ? <p className="notice notice-warning">{tr.t('events.page.event_cancelled')}</p> : null}
      <p className="lead">
        {eventDates(ctx, event)}
        {event.city ? ` · ${event.city}` : ''} · {event.associationName}
      </p>
      {description
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{tr.t('events.page.sessions')}</h2>
        {sessions.length === 0 ? <p>{tr.t('events.page.no_sessions_yet')}</p> : <SessionList ctx={ctx} sessions={sessions} />}
      </section>
      <Acknowledgement ctx={ctx} acknowledgement={acknowledgement} />
    </PublicLayout>
  );
}
