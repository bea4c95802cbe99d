import { useState, type FormEvent } from 'react';
import { useFocusOnMount } from '../components/focus.js';
import { Link } from 'react-router';
import { api, ApiError, toApiError } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FormErrors } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import { useSession } from '../session.js';
import { JobProgress } from './JobProgress.js';
import type { ImportPreview, Job } from './types.js';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function PreviewView({ preview, onCommitted }: { preview: ImportPreview; onCommitted: (job: Job) => void }) {
  const { t, formatNumber } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problems = preview.rows.flatMap((r) => r.errors.map((e, i) => ({ key: `${r.row}-${i}`, row: r.row, ...e })));

  const commit = async (mode: 'all' | 'valid') => {
    setBusy(true);
    setError(null);
    try {
      onCommitted(await api.post<Job>(`/people/imports/${preview.id}/commit`, { mode }));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  const counts = [
    ['total', preview.total],
    ['valid', preview.valid],
    ['invalid', preview.invalid],
    ['duplicates', preview.duplicates],
  ] as const;

  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading" tabIndex={-1} ref={heading}>{t('web.app.import.preview_title', { file: preview.fileName })}</h2>
      <dl className="counts">
        {counts.map(([name, value]) => (
          <div key={name} className={name === 'invalid' && value > 0 ? 'count count-bad' : 'count'}>
            <dt>{t(`web.app.import.counts.${name}`)}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
      {preview.columns.length > 0 ? <p className="muted">{t('web.app.import.columns_found', { columns: preview.columns.join(', ') })}</p> : null}
      {problems.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table problems">
            <caption>{t('web.app.import.problems_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.import.columns.row')}</th>
                <th scope="col">{t('web.app.import.columns.column')}</th>
                <th scope="col">{t('web.app.import.columns.message')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p) => (
                <tr key={p.key}>
                  <td className="num">{formatNumber(p.row)}</td>
                  <td>{p.column}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="alert alert-ok">{t('web.app.import.no_problems')}</p>
      )}
      <ErrorMessage error={error} />
      <div className="form-actions">
        <button type="button" disabled={busy || preview.invalid > 0 || preview.total === 0} aria-describedby="import-all-hint" onClick={() => void commit('all')}>
          {t('web.app.import.import_all')}
        </button>
        <button type="button" className="secondary" disabled={busy || preview.valid === 0} onClick={() => void commit('valid')}>
          {t('web.app.import.import_valid', { count: preview.valid })}
        </button>
      </div>
      <p className="hint" id="import-all-hint">
        {t('web.app.import.import_all_hint')}
      </p>
    </section>
  );
}

type Step = { name: 'choose' } | { name: 'preview'; preview: ImportPreview } | { name: 'job'; job: Job };

export function ImportPage() {
  const { t } = useI18n();
  const { associations, association } = useSession();
  const [associationId, setAssociationId] = useState(association?.id ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  if (!association) return <NoAssociation title={t('web.app.import.title')} />;

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError(
        new ApiError({ status: 0, code: 'validation', message: t('errors.validation'), fields: { file: t('web.app.import.no_file') } }),
      );
      return;
    }
    setError(null);
    setBusy(true);
    const form = new FormData();
    // The server reads the association before the file, so the order of the parts matters.
    form.append('associationId', associationId || association.id);
    form.append('file', file, file.name);
    try {
      setStep({ name: 'preview', preview: await api.post<ImportPreview>('/people/imports', form) });
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setStep({ name: 'choose' });
    setFile(null);
    setAttempt((n) => n + 1);
  };

  const labels = { associationId: t('web.app.association.label'), file: t('web.app.import.file') };
  return (
    <Page title={t('web.app.import.title')}>
      <p className="lead">{t('web.app.import.lead')}</p>
      {step.name === 'choose' ? (
        <form className="record-form" noValidate onSubmit={(event) => void upload(event)}>
          <FormErrors error={error} labels={labels} />
          <div className={error?.fields.associationId ? 'field field-invalid' : 'field'}>
            <label htmlFor="field-associationId">{labels.associationId}</label>
            <select id="field-associationId" value={associationId || association.id} onChange={(event) => setAssociationId(event.target.value)}>
              {associations.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.shortName} — {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className={error?.fields.file ? 'field field-invalid' : 'field'}>
            <label htmlFor="field-file">{labels.file}</label>
            <p className="hint" id="field-file-hint">
              {t('web.app.import.file_hint')}
            </p>
            <input
              key={attempt}
              id="field-file"
              type="file"
              accept={ACCEPT}
              aria-describedby={error?.fields.file ? 'field-file-hint field-file-error' : 'field-file-hint'}
              aria-invalid={error?.fields.file ? 'true' : undefined}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
            {error?.fields.file ? (
              <p className="field-error" id="field-file-error">
                {error.fields.file}
              </p>
            ) : null}
          </div>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy ? t('web.app.import.uploading') : t('web.app.import.upload')}
            </button>
          </div>
        </form>
      ) : null}
      {step.name === 'preview' ? (
        <>
          <PreviewView preview={step.preview} onCommitted={(job) => setStep({ name: 'job', job })} />
          <p>
            <button type="button" className="link-button" onClick={restart}>
              {t('web.app.import.choose_other')}
            </button>
          </p>
        </>
      ) : null}
      {step.name === 'job' ? <JobProgress initial={step.job} onAnother={restart} /> : null}
      <p>
        <Link to="/people">{t('web.app.import.to_people')}</Link>
      </p>
    </Page>
  );
}
