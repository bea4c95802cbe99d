import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, toApiError, type ApiError } from '../api.js';
import { pick } from '../catalogue/types.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { ErrorMessage, Loading, Notice } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { useResource } from '../use-resource.js';
import { ReasonDialog } from './ReasonDialog.js';
import { sessionWhen, type EventDetail as Event } from './types.js';

type Dialog = 'cancel' | 'delete' | null;

/** An event with its sessions: publish it, cancel it (its sessions too), or delete an empty one. */
export function EventDetail() {
  const { t, locale, tag, formatDate } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { data, error, reload } = useResource<Event>(`/events/${id}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const event = data?.id === id ? data : undefined;

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setActionError(null);
    try {
      await run();
      setDialog(null);
      setNotice(done);
      reload();
    } catch (caught) {
      setActionError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  if (!event) {
    return (
      <Page title={t('web.app.events.event')}>
        <ErrorMessage error={error} />
        {error ? null : <Loading />}
      </Page>
    );
  }
  const title = pick(event.title, locale);
  return (
    <Page
      title={title}
      actions={
        <>
          <Link className="button secondary" to={`/events/${event.id}/edit`}>
            {t('web.app.common.edit')}
          </Link>
          {event.status !== 'cancelled' ? (
            <Link className="button" to={`/events/sessions/new?eventId=${event.id}`}>
              {t('web.app.events.add_session')}
            </Link>
          ) : null}
        </>
      }
    >
      <Notice>{notice ? t(`web.app.events.notice.${notice}`) : null}</Notice>
      {dialog === null ? <ErrorMessage error={actionError} /> : null}
      <dl className="facts session-facts">
        <div>
          <dt>{t('web.app.events.fields.status')}</dt>
          <dd className={`status-${event.status}`}>{t(`web.app.events.status.${event.status}`)}</dd>
        </div>
        <div>
          <dt>{t('web.app.events.fields.dates')}</dt>
          <dd>
            {formatDate(event.startsOn)} – {formatDate(event.endsOn)}
          </dd>
        </div>
        <div>
          <dt>{t('web.app.events.fields.city')}</dt>
          <dd>{event.city ?? t('web.app.common.not_specified')}</dd>
        </div>
        <div>
          <dt>{t('web.app.events.fields.kind')}</dt>
          <dd>{t(`web.app.events.kind.${event.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('web.app.events.fields.timeZone')}</dt>
          <dd>{event.timeZone}</dd>
        </div>
      </dl>
      <div className="form-actions">
        {event.status === 'draft' ? (
          <button type="button" disabled={busy} onClick={() => void act(() => api.post(`/events/${event.id}/publish`), 'published')}>
            {t('web.app.events.publish')}
          </button>
        ) : null}
        {event.status !== 'cancelled' ? (
          <button type="button" className="secondary" onClick={() => setDialog('cancel')}>
            {t('web.app.events.cancel_event')}
          </button>
        ) : null}
        {event.sessions.length === 0 ? (
          <button type="button" className="danger" onClick={() => setDialog('delete')}>
            {t('web.app.events.delete')}
          </button>
        ) : null}
      </div>
      <section aria-labelledby="event-sessions">
        <h2 id="event-sessions">{t('web.app.events.sessions')}</h2>
        {event.sessions.length === 0 ? <p className="muted">{t('web.app.events.no_sessions')}</p> : null}
        <ul className="cards cards-quiet">
          {event.sessions.map((s) => (
            <li key={s.id}>
              <h3>
                <Link to={`/events/sessions/${s.id}`}>{s.course ? pick(s.course.title, locale) : s.slug}</Link>
              </h3>
              <p>{sessionWhen(s, tag)}</p>
              <p className="muted">
                {t(`web.app.events.status.${s.status}`)} · {t('web.app.events.seats_taken', { confirmed: s.counts.confirmed, capacity: s.capacity })}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <ReasonDialog
        open={dialog === 'cancel'}
        title={t('web.app.events.cancel_event_title', { title })}
        text={t('web.app.events.cancel_event_text')}
        label={t('web.app.events.fields.reason')}
        confirmLabel={t('web.app.events.cancel_event')}
        required
        busy={busy}
        error={actionError}
        onConfirm={(reason) => void act(() => api.post(`/events/${event.id}/cancel`, { reason }), 'cancelled')}
        onCancel={() => setDialog(null)}
      />
      <ConfirmDialog
        open={dialog === 'delete'}
        title={t('web.app.events.delete_event_title', { title })}
        confirmLabel={t('web.app.events.delete')}
        busy={busy}
        onConfirm={() =>
          void (async () => {
            setBusy(true);
            try {
              await api.delete(`/events/${event.id}`);
              await navigate('/events');
            } catch (caught) {
              setActionError(toApiError(caught));
              setDialog(null);
              setBusy(false);
            }
          })()
        }
        onCancel={() => setDialog(null)}
      >
        <p>{t('web.app.events.delete_event_text')}</p>
      </ConfirmDialog>
    </Page>
  );
}
