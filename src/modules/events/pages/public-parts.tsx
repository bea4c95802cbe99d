import type { ReactNode } from 'react';
import type { Locale } from '../../../config.js';
import { INTL_LOCALE } from '../../../platform/i18n/catalogue.js';
import { pickTranslation, type Translated } from '../../../platform/i18n/translated.js';
import { AcknowledgementNote } from '../../../web/server/acknowledgement.js';
import type { PageContext } from '../../../web/server/layout.js';
import type { SessionDetail } from '../get-session.js';
import type { SessionListItem } from '../list-sessions.js';
import { sessionPath } from '../list-upcoming-sessions.js';
import { dateRange, dayLines, formatPrice, formatZone, languageName, placeLine } from '../session-format.js';
import type { ProjectAcknowledgement } from '../project-acknowledgement.js';

/** A translated text in the reader's language; text in another language carries its own `lang`. */
export function Text({ text, locale }: { text: Translated | null | undefined; locale: Locale }) {
  const value = pickTranslation(text, locale);
  const shown = text?.[locale] ? locale : text?.en === value ? 'en' : (Object.entries(text ?? {}).find(([, v]) => v === value)?.[0] as Locale | undefined);
  return <span lang={shown && shown !== locale ? INTL_LOCALE[shown] : undefined}>{value}</span>;
}

/** The donor's acknowledgement, in the page's language, at the end of every page produced under a project. */
export function Acknowledgement({ ctx, acknowledgement }: { ctx: PageContext; acknowledgement: ProjectAcknowledgement | null }) {
  return <AcknowledgementNote acknowledgement={acknowledgement} label={ctx.tr.t('projects.acknowledgement_label')} pageLocale={ctx.locale} />;
}

/** "12 May 2025 · Tashkent · 18 seats left" for lists. */
export function sessionLine(ctx: PageContext, s: SessionListItem): string {
  const { tr, locale } = ctx;
  const parts = [dateRange(s.days, s.timeZone, locale), s.format === 'online' ? tr.t('events.format.online') : s.city].filter(Boolean);
  return parts.join(' · ');
}

/** The seats a list or page shows: how many are left, or that the session is full or cancelled. */
export function seatsText(ctx: PageContext, s: { status: string; seatsLeft: number }): string {
  if (s.status === 'cancelled') return ctx.tr.t('events.page.cancelled_short');
  return s.seatsLeft > 0 ? ctx.tr.t('events.page.seats_left', { count: s.seatsLeft }) : ctx.tr.t('events.page.full');
}

export function SessionList({ ctx, sessions }: { ctx: PageContext; sessions: SessionListItem[] }) {
  return (
    <ul className="cards session-cards">
      {sessions.map((s) => (
        <li key={s.id}>
          <h3>
            <a href={sessionPath(s)}>{s.course ? <Text text={s.course.title} locale={ctx.locale} /> : s.slug}</a>
          </h3>
          <p>{sessionLine(ctx, s)}</p>
          <p className="muted">
            {languageName(s.language, ctx.locale)} · {formatPrice(ctx.tr, s.priceAmount, s.priceCurrency)} · {seatsText(ctx, s)}
          </p>
        </li>
      ))}
    </ul>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What, when, where, in which language, with whom, at what price. */
export function SessionFacts({ ctx, session }: { ctx: PageContext; session: SessionDetail }) {
  const { tr, locale } = ctx;
  const lines = dayLines(session.days, session.timeZone, locale);
  const zone = session.days[0] ? formatZone(session.days[0].startsAt, session.timeZone, locale) : session.timeZone;
  return (
    <dl className="facts session-facts">
      <Fact term={tr.t('events.page.when')}>
        <ul className="plain">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <span className="muted">{tr.t('events.page.times_in_zone', { zone })}</span>
      </Fact>
      <Fact term={tr.t('events.page.format')}>{tr.t(`events.format.${session.format}`)}</Fact>
      {session.format !== 'online' ? <Fact term={tr.t('events.page.where')}>{placeLine(tr, { ...session, format: 'in_person' })}</Fact> : null}
      <Fact term={tr.t('events.page.language')}>{languageName(session.language, locale)}</Fact>
      {session.trainers.length > 0 ? (
        <Fact term={tr.t('events.page.trainers')}>
          {session.trainers.map((t) => (t.nameLatin && t.nameLatin !== t.fullName ? `${t.fullName} (${t.nameLatin})` : t.fullName)).join(', ')}
        </Fact>
      ) : null}
      {session.partners.length > 0 ? <Fact term={tr.t('events.page.partners')}>{session.partners.map((p) => p.name).join(', ')}</Fact> : null}
      {session.guests.length > 0 ? (
        <Fact term={tr.t('events.page.guests')}>
          <ul className="plain">
            {session.guests.map((g) => (
              <li key={g.id}>{g.title ? `${g.name}, ${g.title}` : g.name}</li>
            ))}
          </ul>
        </Fact>
      ) : null}
      <Fact term={tr.t('events.page.price')}>{formatPrice(tr, session.priceAmount, session.priceCurrency)}</Fact>
      <Fact term={tr.t('events.page.seats')}>{seatsText(ctx, session)}</Fact>
    </dl>
  );
}
