import { useCallback, useState } from 'react';
import { api, toApiError, type ApiError } from '../api.js';
import { ArchiveDownload } from '../components/ArchiveDownload.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useI18n } from '../i18n.js';
import { FINISHED, type Job } from '../import/types.js';
import { useJobPolling } from '../import/use-job-polling.js';

/** Starts the issue of every approved applicant's certificate and shows the job's progress until it ends. */
export function BulkIssue({ schemeId, onDone }: { schemeId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const finished = job !== null && FINISHED.includes(job.status);

  const polled = useCallback(
    (next: Job) => {
      setJob(next);
      if (FINISHED.includes(next.status)) onDone();
    },
    [onDone],
  );
  useJobPolling(job, polled, setError);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setJob(await api.post<Job>(`/schemes/${schemeId}/certificates/bulk`));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bulk-issue">
      {job === null || finished ? (
        <button type="button" className="secondary small" onClick={() => void start()} disabled={busy}>
          {t('web.app.certification.schemes.bulk_issue')}
        </button>
      ) : null}
      <ErrorMessage error={error} />
      {job ? (
        <div className="progress" role="status">
          <progress
            max={Math.max(job.total, 1)}
            value={job.status === 'done' ? Math.max(job.total, 1) : job.processed}
            aria-label={t('web.app.certification.schemes.bulk_progress_label')}
          />
          <span>
            {job.status === 'done' && job.result
              ? t('web.app.certification.schemes.bulk_done', { created: job.result.created })
              : job.status === 'failed'
                ? t('web.app.certification.schemes.bulk_failed')
                : t('web.app.certification.schemes.bulk_progress', { processed: job.processed, total: job.total })}
          </span>
        </div>
      ) : null}
      {job?.status === 'done' && job.result && job.result.created > 0 ? (
        <ArchiveDownload key={job.id} start="/certificate-archives" body={{ issueJobId: job.id }} download={(archiveId) => `/certificate-archives/${archiveId}`} />
      ) : null}
    </div>
  );
}
