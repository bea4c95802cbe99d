import { useState } from 'react';
import { Link } from 'react-router';
import { api, query, toApiError, type ApiError } from '../api.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { useI18n } from '../i18n.js';
import type { Page } from '../people/types.js';
import { useResource } from '../use-resource.js';
import { ReasonDialog } from './ReasonDialog.js';
import { REGISTRATION_STATUSES, type Registration, type Session } from './types.js';

/** The session's registrations: who holds a seat, the waitlist in order, who cancelled; cancelling one. */
export function RegistrationsPanel({ session, onChanged }: { session: Session; onChanged: () => void }) {
  const { t, formatDateTime } = useI18n();
  const [status, setStatus] = useState('');
  const { data, error, loading, reload } = useResource<Page<Registration>>(`/sessions/${session.id}/registrations${query({ status, pageSize: 500 })}`);
  const [cancelling, setCancelling] = useState<Registration | null>(null);
  const [busy, setBusy] = useState(false);
  const [cancelError, setCancelError] = useState<ApiError | null>(null);

  const cancel = async (reason: string) => {
    if (!cancelling) return;
    setBusy(true);
    setCancelError(null);
    try {
      await api.post(`/registrations/${cancelling.id}/cancel`, { reason: reason.trim() || null });
      setCancelling(null);
      reload();
      onChanged();
    } catch (caught) {
      setCancelError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="registrations-heading">
      <h2 id="registrations-heading">{t('web.app.events.registrations')}</h2>
      <div className="list-filters">
        <div className="field">
          <label htmlFor="registration-status">{t('web.app.events.fields.status')}</label>
          <select id="registration-status" value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{t('web.app.events.any_status')}</option>
            {REGISTRATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`web.app.events.registration_status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={error} />
      <p className="result-count" role="status" aria-busy={loading}>
        {data ? t('web.app.events.registrations_total', { count: data.total }) : null}
      </p>
      {!data && loading ? <Loading /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('web.app.events.registrations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.events.fields.person')}</th>
                <th scope="col">{t('web.app.events.fields.organisation')}</th>
                <th scope="col">{t('web.app.events.fields.status')}</th>
                <th scope="col">{t('web.app.events.fields.ticket')}</th>
                <th scope="col">{t('web.app.events.fields.fee')}</th>
                <th scope="col">{t('web.app.events.fields.registered')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('web.app.common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/people/${r.personId}`}>{r.fullName}</Link>
                    {r.nameLatin && r.nameLatin !== r.fullName ? (
                      <span className="latin" lang="und-Latn">
                        {r.nameLatin}
                      </span>
                    ) : null}
                    {r.email ? <span className="latin">{r.email}</span> : null}
                  </th>
                  <td>{r.organisation ?? ''}</td>
                  <td className={`registration-${r.status}`}>
                    {r.status === 'waitlisted' && r.position !== null
                      ? t('web.app.events.waitlist_place', { position: r.position })
                      : t(`web.app.events.registration_status.${r.status}`)}
                    {r.cancelledReason ? <span className="latin">{r.cancelledReason}</span> : null}
                  </td>
                  <td>
                    <code>{r.ticketCode}</code>
                  </td>
                  <td>{t(`web.app.events.fee_mode.${r.feeMode}`)}</td>
                  <td>
                    {formatDateTime(r.createdAt)}
                    <span className="latin">{t(`web.app.events.source.${r.source}`)}</span>
                  </td>
                  <td>
                    {r.status !== 'cancelled' ? (
                      <button type="button" className="secondary small" onClick={() => setCancelling(r)}>
                        {t('web.app.events.cancel_registration', { name: r.fullName })}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ReasonDialog
        key={cancelling?.id ?? 'none'}
        open={cancelling !== null}
        title={t('web.app.events.cancel_registration_title', { name: cancelling?.fullName ?? '' })}
        text={cancelling?.status === 'confirmed' ? t('web.app.events.cancel_registration_text') : t('web.app.events.cancel_waitlist_text')}
        label={t('web.app.events.fields.reason')}
        confirmLabel={t('web.app.events.cancel_registration_confirm')}
        busy={busy}
        error={cancelError}
        onConfirm={(reason) => void cancel(reason)}
        onCancel={() => setCancelling(null)}
      />
    </section>
  );
}
