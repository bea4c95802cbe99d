import { useState } from 'react';
import { api, query, toApiError, type ApiError } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { SelectField } from '../components/Fields.js';
import { useI18n } from '../i18n.js';
import type { Page, PersonSummary } from '../people/types.js';
import { useResource } from '../use-resource.js';
import type { FeeMode, Session } from './types.js';

interface Registered {
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  position: number | null;
  alreadyRegistered: boolean;
}

/** Staff register someone of the register: find them by name in either script, choose how they pay. */
export function RegisterPerson({ session, onRegistered }: { session: Session; onRegistered: () => void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [feeMode, setFeeMode] = useState<FeeMode>(session.projectId ? 'sponsored' : 'invoice');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const q = search.trim();
  const { data } = useResource<Page<PersonSummary>>(q.length >= 2 ? `/people${query({ associationId: session.associationId, q, pageSize: 8 })}` : null);

  const register = async (person: PersonSummary) => {
    setBusy(person.id);
    setError(null);
    setDone(null);
    try {
      const result = await api.post<Registered>(`/sessions/${session.id}/registrations`, {
        personId: person.id,
        ...(session.price ? { feeMode } : {}),
      });
      const key = result.alreadyRegistered ? 'already' : result.status;
      setDone(t(`web.app.events.registered.${key}`, { name: person.fullName, position: result.position ?? 0 }));
      setSearch('');
      onRegistered();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <details className="inline-form">
      <summary>{t('web.app.events.register_person')}</summary>
      <p className="hint">{t('web.app.events.register_person_hint')}</p>
      <div role="status">{done ? <p className="alert alert-ok">{done}</p> : null}</div>
      <ErrorMessage error={error} />
      {session.price ? (
        <SelectField
          name="feeMode"
          label={t('web.app.events.fields.fee')}
          value={feeMode}
          onChange={(v) => setFeeMode(v as FeeMode)}
          options={(['invoice', 'sponsored'] as const).map((m) => ({ value: m, label: t(`web.app.events.fee_mode.${m}`) }))}
          error={error?.fields.sponsorProjectId}
        />
      ) : null}
      <div className="field search-box">
        <label htmlFor="register-search">{t('web.app.events.find_person')}</label>
        <input id="register-search" type="search" autoComplete="off" value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      {q.length >= 2 ? (
        <ul className="candidates" aria-live="polite">
          {data && data.items.length === 0 ? <li className="muted">{t('web.app.events.nothing_found')}</li> : null}
          {(data?.items ?? []).map((p) => (
            <li key={p.id}>
              <span>
                {p.fullName}
                {p.nameLatin && p.nameLatin !== p.fullName ? <span className="muted"> ({p.nameLatin})</span> : null}
                {p.email ? <span className="muted"> · {p.email}</span> : null}
              </span>
              <button type="button" className="small" disabled={busy !== null} onClick={() => void register(p)}>
                {t('web.app.events.register_named', { name: p.fullName })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
