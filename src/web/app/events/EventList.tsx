import { Link, useSearchParams } from 'react-router';
import { query } from '../api.js';
import { pick } from '../catalogue/types.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { Pager } from '../components/Pager.js';
import { useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import { pageFrom, PAGE_SIZE, type Page as ResultPage } from '../people/types.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { PUBLICATION_STATUSES, sessionWhen, type EventSummary, type SessionSummary } from './types.js';

/** The association's sessions (upcoming first) and events, with the way to add either. */
export function EventList() {
  const { t, locale, tag, formatDate } = useI18n();
  const { association } = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const upcoming = params.get('all') !== '1';
  const page = pageFrom(params);
  const sessions = useResource<ResultPage<SessionSummary>>(
    association ? `/sessions${query({ associationId: association.id, status, upcoming: upcoming ? 'true' : null, page, pageSize: PAGE_SIZE })}` : null,
  );
  const events = useResource<ResultPage<EventSummary>>(association ? `/events${query({ associationId: association.id, pageSize: 100 })}` : null);

  if (!association) return <NoAssociation title={t('web.app.events.title')} />;
  const setParam = (name: string, value: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(name, value);
      else next.delete(name);
      next.delete('page');
      return next;
    });

  return (
    <Page
      title={t('web.app.events.title')}
      actions={
        <>
          <Link className="button secondary" to="/events/new">
            {t('web.app.events.new_event')}
          </Link>
          <Link className="button" to="/events/sessions/new">
            {t('web.app.events.new_session')}
          </Link>
        </>
      }
    >
      <p>
        <a href="/events">{t('web.app.events.public_link')}</a>
      </p>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('web.app.events.sessions')}</h2>
        <div className="list-filters">
          <div className="field">
            <label htmlFor="filter-status">{t('web.app.events.fields.status')}</label>
            <select id="filter-status" value={status} onChange={(event) => setParam('status', event.target.value || null)}>
              <option value="">{t('web.app.events.any_status')}</option>
              {PUBLICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`web.app.events.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-check">
            <input id="filter-all" type="checkbox" checked={!upcoming} onChange={(event) => setParam('all', event.target.checked ? '1' : null)} />
            <label htmlFor="filter-all">{t('web.app.events.include_past')}</label>
          </div>
        </div>
        <ErrorMessage error={sessions.error} />
        <p className="result-count" role="status" aria-busy={sessions.loading}>
          {sessions.data ? t('web.app.events.sessions_total', { count: sessions.data.total }) : null}
        </p>
        {!sessions.data && sessions.loading ? <Loading /> : null}
        {sessions.data && sessions.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('web.app.events.sessions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('web.app.events.fields.course')}</th>
                  <th scope="col">{t('web.app.events.fields.when')}</th>
                  <th scope="col">{t('web.app.events.fields.city')}</th>
                  <th scope="col">{t('web.app.events.fields.status')}</th>
                  <th scope="col">{t('web.app.events.fields.seats')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.items.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link to={`/events/sessions/${s.id}`}>{s.course ? pick(s.course.title, locale) : s.slug}</Link>
                    </th>
                    <td>{sessionWhen(s, tag)}</td>
                    <td>{s.format === 'online' ? t('web.app.events.format.online') : (s.city ?? '')}</td>
                    <td className={`status-${s.status}`}>{t(`web.app.events.status.${s.status}`)}</td>
                    <td className="num">
                      {t('web.app.events.seats_taken', { confirmed: s.counts.confirmed, capacity: s.capacity })}
                      {s.counts.waitlisted > 0 ? <span className="latin">{t('web.app.events.waiting', { count: s.counts.waitlisted })}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {sessions.data ? <Pager page={sessions.data.page} pageSize={sessions.data.pageSize} total={sessions.data.total} /> : null}
      </section>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{t('web.app.events.events')}</h2>
        <ErrorMessage error={events.error} />
        {events.data && events.data.items.length === 0 ? <p className="muted">{t('web.app.events.no_events')}</p> : null}
        {events.data && events.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('web.app.events.events')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('web.app.events.fields.title')}</th>
                  <th scope="col">{t('web.app.events.fields.dates')}</th>
                  <th scope="col">{t('web.app.events.fields.city')}</th>
                  <th scope="col">{t('web.app.events.fields.status')}</th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/events/${e.id}`}>{pick(e.title, locale)}</Link>
                    </th>
                    <td>
                      {formatDate(e.startsOn)} – {formatDate(e.endsOn)}
                    </td>
                    <td>{e.city ?? ''}</td>
                    <td className={`status-${e.status}`}>{t(`web.app.events.status.${e.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
