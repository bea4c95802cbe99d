import type { ReactNode } from 'react';
import { pickTranslation } from '../../../platform/i18n/translated.js';
import { PublicLayout, type PageContext } from '../../../web/server/layout.js';
import type { SessionDetail } from '../get-session.js';
import type { ProjectAcknowledgement } from '../project-acknowledgement.js';
import { eventPath } from './events-page.js';
import { Acknowledgement, SessionFacts } from './public-parts.js';

export interface SessionPageProps {
  ctx: PageContext;
  session: SessionDetail;
  event: { title: Record<string, string>; slug: string; associationSlug: string } | null;
  acknowledgement: ProjectAcknowledgement | null;
  /** The registration part: a form, or why one cannot register now. */
  children?: ReactNode;
}

/** A session's public page: the course, dates and times in the place's zone, and how to register. */
export function SessionPage({ ctx, session, event, acknowledgement, children }: SessionPageProps) {
  const { tr, locale } = ctx;
  return (
    <PublicLayout ctx={ctx} title={pickTranslation(session.course.title, locale)}>
      {session.status === 'cancelled' ? (
        <div className="notice notice-warning" role="status">
          <p>{tr.t('events.page.session_cancelled')}</p>
          {session.cancelledReason ? <p>{session.cancelledReason}</p> : null}
        </div>
      ) : null}
      {event ? (
        <p className="lead">
          <a href={eventPath(event)}>{pickTranslation(event.title, locale)}</a>
        </p>
      ) : null}
      <SessionFacts ctx={ctx} session={session} />
      {children}
      {session.course.status === 'published' ? (
        <p>
          <a href={`/catalogue/${encodeURIComponent(session.associationSlug)}/${encodeURIComponent(session.course.slug)}`}>{tr.t('events.page.about_course')}</a>
        </p>
      ) : null}
      <Acknowledgement ctx={ctx} acknowledgement={acknowledgement} />
    </PublicLayout>
  );
}
