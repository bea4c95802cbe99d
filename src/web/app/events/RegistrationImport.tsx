import { useState, type FormEvent } from 'react';
import { api, ApiError, toApiError } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FormErrors } from '../components/FormErrors.js';
import { useI18n } from '../i18n.js';
import type { RegistrationImportPreview, RegistrationImportResult, Session } from './types.js';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Step = { name: 'choose' } | { name: 'preview'; preview: RegistrationImportPreview } | { name: 'done'; result: RegistrationImportResult };

/** Registering a participant list from a spreadsheet: every row checked first, then written in one go. */
export function RegistrationImport({ session, onImported }: { session: Session; onImported: () => void }) {
  const { t, formatNumber } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError(new ApiError({ status: 0, code: 'validation', message: t('errors.validation'), fields: { file: t('web.app.events.import_no_file') } }));
      return;
    }
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      setStep({ name: 'preview', preview: await api.post<RegistrationImportPreview>(`/sessions/${session.id}/registrations/imports`, form) });
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const commit = async (preview: RegistrationImportPreview, mode: 'all' | 'valid') => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<RegistrationImportResult>(`/sessions/${session.id}/registrations/imports/${preview.id}/commit`, { mode });
      setStep({ name: 'done', result });
      onImported();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setStep({ name: 'choose' });
    setFile(null);
    setError(null);
    setAttempt((n) => n + 1);
  };

  return (
    <details className="inline-form">
      <summary>{t('web.app.events.import_title')}</summary>
      <p className="hint">{t('web.app.events.import_hint')}</p>
      {step.name === 'choose' ? (
        <form noValidate onSubmit={(event) => void upload(event)}>
          <FormErrors error={error} labels={{ file: t('web.app.events.import_file') }} />
          <div className={error?.fields.file ? 'field field-invalid' : 'field'}>
            <label htmlFor="field-file">{t('web.app.events.import_file')}</label>
            <input key={attempt} id="field-file" type="file" accept={ACCEPT} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
            {error?.fields.file ? <p className="field-error">{error.fields.file}</p> : null}
          </div>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t('web.app.events.import_check')}
            </button>
          </div>
        </form>
      ) : null}
      {step.name === 'preview' ? (
        <div>
          <h3>{t('web.app.events.import_preview', { file: step.preview.fileName })}</h3>
          <dl className="counts">
            {(['total', 'valid', 'invalid', 'duplicates', 'known'] as const).map((name) => (
              <div key={name} className={name === 'invalid' && step.preview.invalid > 0 ? 'count count-bad' : 'count'}>
                <dt>{t(`web.app.events.import_counts.${name}`)}</dt>
                <dd>{formatNumber(step.preview[name])}</dd>
              </div>
            ))}
          </dl>
          {step.preview.rows.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table problems">
                <caption>{t('web.app.events.import_problems')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('web.app.events.import_row')}</th>
                    <th scope="col">{t('web.app.events.import_column')}</th>
                    <th scope="col">{t('web.app.events.import_message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {step.preview.rows.flatMap((r) =>
                    r.errors.map((e, i) => (
                      <tr key={`${r.row}-${i}`}>
                        <td className="num">{formatNumber(r.row)}</td>
                        <td>{e.column}</td>
                        <td>{e.message}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="alert alert-ok">{t('web.app.events.import_no_problems')}</p>
          )}
          <ErrorMessage error={error} />
          <div className="form-actions">
            <button type="button" disabled={busy || step.preview.invalid > 0} onClick={() => void commit(step.preview, 'all')}>
              {t('web.app.events.import_all')}
            </button>
            <button type="button" className="secondary" disabled={busy || step.preview.valid === 0} onClick={() => void commit(step.preview, 'valid')}>
              {t('web.app.events.import_valid', { count: step.preview.valid })}
            </button>
            <button type="button" className="link-button" onClick={restart}>
              {t('web.app.events.import_other')}
            </button>
          </div>
        </div>
      ) : null}
      {step.name === 'done' ? (
        <div role="status">
          <p className="alert alert-ok">{t('web.app.events.import_done', step.result as unknown as Record<string, number>)}</p>
          <button type="button" className="link-button" onClick={restart}>
            {t('web.app.events.import_other')}
          </button>
        </div>
      ) : null}
    </details>
  );
}
