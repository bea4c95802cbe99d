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
import { RegistrationImport } from './RegistrationImport.js';
import { RegistrationsPanel } from './RegistrationsPanel.js';
import { RegisterPerson } from './RegisterPerson.js';
import type { Session } from './types.js';

type Dialog = 'cancel' | 'delete' | null;

function SessionFacts({ session }: { session: Session }) {
  const { t, tag } = useI18n();
  const day = new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: session.timeZone });
  const moment = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: session.timeZone });
  const languageName = new Intl.DisplayNames([tag, 'en'], { type: 'language' }).of(session.language) ?? session.language;
  const money = session.price ? new Intl.NumberFormat(tag, { style: 'currency', currency: session.price.currency }).format(session.price.amount) : t('web.app.events.free_short');
  const fact = (term: string, value: React.ReactNode) => (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <dl className="facts session-facts">
      {fact(t('web.app.events.fields.status'), <span className={`status-${session.status}`}>{t(`web.app.events.status.${session.status}`)}</span>)}
      {fact(
        t('web.app.events.fields.when'),
        <>
          <ul className="plain">
            {session.days.map((d) => (
              <li key={d.id}>
                {day.format(new Date(d.startsAt))}, {d.start}–{d.end}
              </li>
            ))}
          </ul>
          <span className="muted">{session.timeZone}</span>
        </>,
      )}
      {fact(t('web.app.events.fields.format'), t(`web.app.events.format.${session.format}`))}
      {session.format !== 'online' ? fact(t('web.app.events.fields.venue'), [session.venue, session.city].filter(Boolean).join(', ')) : null}
      {session.onlineUrl ? fact(t('web.app.events.fields.onlineUrl'), <a href={session.onlineUrl}>{session.onlineUrl}</a>) : null}
      {fact(t('web.app.events.fields.language'), languageName)}
      {fact(t('web.app.events.fields.price'), money)}
      {fact(t('web.app.events.fields.seats'), t('web.app.events.seats_taken', { confirmed: session.counts.confirmed, capacity: session.capacity }))}
      {fact(
        t('web.app.events.fields.window'),
        [session.registrationOpensAt ? moment.format(new Date(session.registrationOpensAt)) : t('web.app.events.window_now'), session.registrationClosesAt ? moment.format(new Date(session.registrationClosesAt)) : t('web.app.events.window_first_day')].join(' – '),
      )}
      {session.trainers.length > 0 ? fact(t('web.app.events.fields.trainers'), session.trainers.map((x) => x.fullName).join(', ')) : null}
      {session.partners.length > 0 ? fact(t('web.app.events.fields.partners'), session.partners.map((x) => x.name).join(', ')) : null}
      {session.guests.length > 0 ? fact(t('web.app.events.fields.guests'), session.guests.map((g) => (g.title ? `${g.name}, ${g.title}` : g.name)).join('; ')) : null}
      {session.cancelledReason ? fact(t('web.app.events.fields.reason'), session.cancelledReason) : null}
    </dl>
  );
}

/** A session: its facts, publishing and cancelling it, and its registrations. */
export function SessionDetail() {
  const { t, locale, formatNumber } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { data, error, reload } = useResource<Session>(`/sessions/${id}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [version, setVersion] = useState(0);
  const session = data?.id === id ? data : undefined;

  const changed = (done: string | null) => {
    if (done) setNotice(done);
    reload();
    setVersion((v) => v + 1);
  };
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setActionError(null);
    try {
      await run();
      setDialog(null);
      changed(done);
    } catch (caught) {
      setActionError(toApiError(caught));
      if (dialog === 'delete') setDialog(null);
    } finally {
      setBusy(false);
    }
  };

  if (!session) {
    return (
      <Page title={t('web.app.events.session')}>
        <ErrorMessage error={error} />
        {error ? null : <Loading />}
      </Page>
    );
  }
  const title = session.course ? pick(session.course.title, locale) : session.slug;
  const live = session.status !== 'cancelled';
  return (
    <Page
      title={title}
      actions={
        <>
          {session.status !== 'draft' ? (
            <a className="button secondary" href={session.publicPath}>
              {t('web.app.events.public_page')}
            </a>
          ) : null}
          <Link className="button secondary" to={`/events/sessions/${session.id}/edit`}>
            {t('web.app.common.edit')}
          </Link>
          <Link className="button secondary" to={`/events/sessions/${session.id}/payments`}>
            {t('web.app.payments.link')}
          </Link>
          <Link className="button secondary" to={`/events/sessions/${session.id}/attendance`}>
            {t('web.app.attendance.link')}
          </Link>
        </>
      }
    >
      <Notice>{notice ? t(`web.app.events.notice.${notice}`) : null}</Notice>
      {dialog === null ? <ErrorMessage error={actionError} /> : null}
      <SessionFacts session={session} />
      <dl className="counts">
        {(['confirmed', 'waitlisted', 'cancelled'] as const).map((name) => (
          <div key={name} className="count">
            <dt>{t(`web.app.events.registration_status.${name}`)}</dt>
            <dd>{formatNumber(session.counts[name])}</dd>
          </div>
        ))}
      </dl>
      <div className="form-actions">
        {session.status === 'draft' ? (
          <button type="button" disabled={busy} onClick={() => void act(() => api.post(`/sessions/${session.id}/publish`), 'published')}>
            {t('web.app.events.publish')}
          </button>
        ) : null}
        {live ? (
          <button type="button" className="secondary" onClick={() => setDialog('cancel')}>
            {t('web.app.events.cancel_session')}
          </button>
        ) : null}
        <button type="button" className="danger" onClick={() => setDialog('delete')}>
          {t('web.app.events.delete')}
        </button>
      </div>
      {live ? <RegisterPerson session={session} onRegistered={() => changed('registered')} /> : null}
      {live ? <RegistrationImport session={session} onImported={() => changed('imported')} /> : null}
      <RegistrationsPanel key={version} session={session} onChanged={() => changed('registration_cancelled')} />
      <ReasonDialog
        open={dialog === 'cancel'}
        title={t('web.app.events.cancel_session_title', { title })}
        text={t('web.app.events.cancel_session_text', { count: session.counts.confirmed + session.counts.waitlisted })}
        label={t('web.app.events.fields.reason')}
        confirmLabel={t('web.app.events.cancel_session')}
        required
        busy={busy}
        error={actionError}
        onConfirm={(reason) => void act(() => api.post(`/sessions/${session.id}/cancel`, { reason }), 'cancelled')}
        onCancel={() => setDialog(null)}
      />
      <ConfirmDialog
        open={dialog === 'delete'}
        title={t('web.app.events.delete_session_title', { title })}
        confirmLabel={t('web.app.events.delete')}
        busy={busy}
        onConfirm={() =>
          void (async () => {
            setBusy(true);
            setActionError(null);
            try {
              await api.delete(`/sessions/${session.id}`);
              await navigate('/events', { replace: true });
            } catch (caught) {
              setActionError(toApiError(caught));
              setDialog(null);
              setBusy(false);
            }
          })()
        }
        onCancel={() => setDialog(null)}
      >
        <p>{t('web.app.events.delete_session_text')}</p>
      </ConfirmDialog>
    </Page>
  );
}
