import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, toApiError } from '../api.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { useFocusOnMount } from '../components/focus.js';
import { FormErrors } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { FINISHED, type Job } from '../import/types.js';
import { useJobPolling } from '../import/use-job-polling.js';
import { useResource } from '../use-resource.js';
import { AttendanceTabs } from './AttendanceTabs.js';
import './attendance.css';
import type { AttendanceListView, SheetPreview } from './types.js';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function Problems({ preview }: { preview: SheetPreview }) {
  const { t, formatNumber } = useI18n();
  const problems = preview.rows.flatMap((r) => r.errors.map((e, i) => ({ key: `${r.row}-${i}`, row: r.row, ...e })));
  if (problems.length === 0) return <p className="alert alert-ok">{t('web.app.attendance.import.no_problems')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table problems">
        <caption>{t('web.app.attendance.import.problems')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('web.app.attendance.import.row')}</th>
            <th scope="col">{t('web.app.attendance.import.column')}</th>
            <th scope="col">{t('web.app.attendance.import.message')}</th>
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
  );
}

/** Polls the job until it has written every mark. */
function Progress({ initial }: { initial: Job }) {
  const { t } = useI18n();
  const [job, setJob] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const finished = FINISHED.includes(job.status);

  useJobPolling(job, setJob, setError);

  const progress = t('web.app.attendance.import.progress', { processed: job.processed, total: job.total });
  return (
    <section aria-labelledby="job-heading">
      <h2 id="job-heading" tabIndex={-1} ref={heading}>
        {finished ? t('web.app.attendance.import.done_title') : t('web.app.attendance.import.running_title')}
      </h2>
      <div className="progress">
        <progress max={Math.max(job.total, 1)} value={job.status === 'done' ? Math.max(job.total, 1) : job.processed} aria-label={t('web.app.attendance.import.progress_label')} aria-valuetext={progress} />
        <span aria-hidden="true">{progress}</span>
      </div>
      <ErrorMessage error={error} />
      <div role="status">
        {job.status === 'done' && job.result ? <p className="alert alert-ok">{t('web.app.attendance.import.result', { written: job.result.created, skipped: job.result.skipped })}</p> : null}
      </div>
      {job.status === 'failed' || job.status === 'cancelled' ? (
        <div className="alert alert-error" role="alert">
          <p>{t('web.app.attendance.import.failed', { error: job.error ?? job.status })}</p>
        </div>
      ) : null}
    </section>
  );
}

type Step = { name: 'choose' } | { name: 'preview'; preview: SheetPreview } | { name: 'job'; job: Job };

/**
 * Import of a signed attendance sheet: upload, see every problem by row and column before anything
 * is written, then write all rows (only when none has a problem) or the rows without problems.
 */
export function AttendanceImportPage() {
  const { t, formatNumber, formatDate } = useI18n();
  const { id = '' } = useParams();
  const { data, error: loadError } = useResource<AttendanceListView>(`/sessions/${id}/attendance`);
  const list = data?.session.id === id ? data : undefined;
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  if (!list) {
    return (
      <Page title={t('web.app.attendance.import.title_short')}>
        <ErrorMessage error={loadError} />
        {loadError ? null : <Loading />}
      </Page>
    );
  }

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!file) {
      setError(new ApiError({ status: 0, code: 'validation', message: t('errors.validation'), fields: { file: t('web.app.attendance.import.no_file') } }));
      return;
    }
    setBusy(true);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      setStep({ name: 'preview', preview: await api.post<SheetPreview>(`/sessions/${id}/attendance/imports`, form) });
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const commit = async (preview: SheetPreview, mode: 'all' | 'valid') => {
    setBusy(true);
    setError(null);
    try {
      setStep({ name: 'job', job: await api.post<Job>(`/sessions/${id}/attendance/imports/${preview.id}/commit`, { mode }) });
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

  const labels = { file: t('web.app.attendance.import.file') };
  return (
    <Page title={t('web.app.attendance.import.title', { title: list.session.title })}>
      <AttendanceTabs sessionId={id} canManage={list.canManage} />
      <p className="lead">{t('web.app.attendance.import.lead')}</p>
      {step.name === 'choose' ? (
        <form className="record-form" noValidate onSubmit={(event) => void upload(event)}>
          <FormErrors error={error} labels={labels} />
          <div className={error?.fields.file ? 'field field-invalid' : 'field'}>
            <label htmlFor="field-file">{labels.file}</label>
            <p className="hint" id="field-file-hint">
              {t('web.app.attendance.import.file_hint')}
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
              {busy ? t('web.app.attendance.import.uploading') : t('web.app.attendance.import.upload')}
            </button>
          </div>
        </form>
      ) : null}
      {step.name === 'preview' ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('web.app.attendance.import.preview_title', { file: step.preview.fileName })}</h2>
          <dl className="counts">
            {(['total', 'valid', 'invalid'] as const).map((name) => (
              <div key={name} className={name === 'invalid' && step.preview.invalid > 0 ? 'count count-bad' : 'count'}>
                <dt>{t(`web.app.attendance.import.counts.${name}`)}</dt>
                <dd>{formatNumber(step.preview[name])}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">
            {t('web.app.attendance.import.found', {
              columns: step.preview.columns.join(', '),
              days: step.preview.days.map((d) => `${d.column} (${formatDate(d.day)})`).join(', '),
            })}
          </p>
          <Problems preview={step.preview} />
          <ErrorMessage error={error} />
          <div className="form-actions">
            <button type="button" disabled={busy || step.preview.invalid > 0} aria-describedby="import-all-hint" onClick={() => void commit(step.preview, 'all')}>
              {t('web.app.attendance.import.import_all')}
            </button>
            <button type="button" className="secondary" disabled={busy || step.preview.valid === 0} onClick={() => void commit(step.preview, 'valid')}>
              {t('web.app.attendance.import.import_valid', { count: step.preview.valid })}
            </button>
          </div>
          <p className="hint" id="import-all-hint">
            {t('web.app.attendance.import.import_all_hint')}
          </p>
          <p>
            <button type="button" className="link-button" onClick={restart}>
              {t('web.app.attendance.import.choose_other')}
            </button>
          </p>
        </section>
      ) : null}
      {step.name === 'job' ? (
        <>
          <Progress initial={step.job} />
          <p>
            <Link to={`/events/sessions/${id}/attendance`}>{t('web.app.attendance.import.to_list')}</Link>
          </p>
        </>
      ) : null}
    </Page>
  );
}
