import { useState } from 'react';
import { api, toApiError, type ApiError } from '../api.js';
import { useI18n } from '../i18n.js';
import { FINISHED, type Job } from '../import/types.js';
import { useJobPolling } from '../import/use-job-polling.js';
import { ErrorMessage } from './ErrorMessage.js';

/**
 * Starts a job that gathers PDFs into a ZIP, shows its progress, and offers the ZIP once it is made.
 * `start` is the API path (under /api/v1) that queues the job; `download` the path of the finished ZIP.
 */
export function ArchiveDownload({ start, body, download }: { start: string; body?: unknown; download: (jobId: string) => string }) {
  const { t } = useI18n();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const finished = job !== null && FINISHED.includes(job.status);

  useJobPolling(job, setJob, setError);

  const begin = async () => {
    setBusy(true);
    setError(null);
    try {
      setJob(await api.post<Job>(start, body));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="archive-download">
      {job === null || (finished && job.status !== 'done') ? (
        <button type="button" className="secondary small" onClick={() => void begin()} disabled={busy}>
          {t('web.app.common.archive.start')}
        </button>
      ) : null}
      <ErrorMessage error={error} />
      {job && !finished ? (
        <div className="progress" role="status">
          <progress max={Math.max(job.total, 1)} value={job.processed} aria-label={t('web.app.common.archive.progress_label')} />
          <span>{t('web.app.common.archive.progress', { processed: job.processed, total: job.total })}</span>
        </div>
      ) : null}
      {job?.status === 'done' ? (
        <a className="button secondary small" href={`/api/v1${download(job.id)}`} download>
          {t('web.app.common.archive.ready', { count: job.result?.created ?? job.total })}
        </a>
      ) : null}
      {job?.status === 'failed' ? <p role="alert">{t('web.app.common.archive.failed')}</p> : null}
    </div>
  );
}
