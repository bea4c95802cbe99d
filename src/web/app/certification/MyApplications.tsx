import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, query, toApiError, type ApiError } from '../api.js';
import { pick } from '../catalogue/types.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { SelectField, TextField } from '../components/Fields.js';
import { FormErrors } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import type { Page as ResultPage } from '../people/types.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { numberOrText } from './LevelsEditor.js';
import { StatusBadge } from './Status.js';
import type { Application, ApplicationSummary, Scheme } from './types.js';

function ApplyForm() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const schemes = useResource<{ items: Scheme[] }>(`/schemes${query({ status: 'open' })}`);
  const [levelId, setLevelId] = useState('');
  const [experienceYears, setExperience] = useState('');
  const [fullName, setFullName] = useState(user.displayName);
  const [nameLatin, setNameLatin] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = {
    levelId: t('web.app.certification.apply.level'),
    experienceYears: t('web.app.certification.apply.experience'),
    fullName: t('web.app.certification.apply.full_name'),
    nameLatin: t('web.app.certification.apply.name_latin'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<Application>('/applications', {
        levelId,
        experienceYears: numberOrText(experienceYears) ?? null,
        ...(user.personId ? {} : { fullName, nameLatin: nameLatin || null }),
      });
      await navigate(`/certification/applications/${created.id}`);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  const options = (schemes.data?.items ?? []).flatMap((s) => s.levels.map((l) => ({ value: l.id, label: `${pick(s.name, locale)} — ${pick(l.name, locale)}` })));
  return (
    <section aria-labelledby="apply-heading">
      <h2 id="apply-heading">{t('web.app.certification.apply.title')}</h2>
      <ErrorMessage error={schemes.error} />
      {schemes.data && options.length === 0 ? <p>{t('web.app.certification.apply.none_open')}</p> : null}
      {options.length > 0 ? (
        <form className="record-form" noValidate onSubmit={(event) => void submit(event)}>
          <FormErrors error={error} labels={labels} />
          <SelectField
            name="levelId"
            label={labels.levelId}
            value={levelId}
            onChange={setLevelId}
            error={error?.fields.levelId}
            required
            options={[{ value: '', label: t('web.app.certification.apply.choose') }, ...options]}
          />
          <TextField name="experienceYears" label={labels.experienceYears} value={experienceYears} onChange={setExperience} error={error?.fields.experienceYears} />
          {user.personId ? null : (
            <>
              <TextField name="fullName" label={labels.fullName} hint={t('web.app.certification.apply.full_name_hint')} value={fullName} onChange={setFullName} error={error?.fields.fullName} />
              <TextField name="nameLatin" label={labels.nameLatin} value={nameLatin} onChange={setNameLatin} error={error?.fields.nameLatin} />
            </>
          )}
          <div className="form-actions">
            <button type="submit" disabled={busy || levelId === ''}>
              {t('web.app.certification.apply.start')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/** The signed-in engineer's own applications, and the way to apply for a level of an open scheme. */
export function MyApplications() {
  const { t, locale, formatDate } = useI18n();
  const { data, error, loading } = useResource<ResultPage<ApplicationSummary>>(`/applications${query({ mine: 'true', pageSize: 100 })}`);
  return (
    <Page title={t('web.app.certification.mine.title')}>
      <ErrorMessage error={error} />
      {!data && loading ? <Loading /> : null}
      {data && data.items.length === 0 ? <p>{t('web.app.certification.mine.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('web.app.certification.mine.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.certification.fields.scheme')}</th>
                <th scope="col">{t('web.app.certification.fields.level')}</th>
                <th scope="col">{t('web.app.certification.fields.status')}</th>
                <th scope="col">{t('web.app.certification.fields.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/certification/applications/${a.id}`}>{pick(a.scheme.name, locale)}</Link>
                  </th>
                  <td>{pick(a.level.name, locale)}</td>
                  <td>
                    <StatusBadge kind="application" status={a.status} />
                  </td>
                  <td>{a.submittedAt ? formatDate(a.submittedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ApplyForm />
    </Page>
  );
}
