import { useState } from 'react';
import type { ApiError } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useFocusOnMount } from '../components/focus.js';
import { useI18n } from '../i18n.js';
import { FINISHED, type Job } from './types.js';
import { useJobPolling } from './use-job-polling.js';

/** Asks the server how far the job has got until it is finished. */
function useJob(initial: Job): { job: Job; error: ApiError | null } {
  const [job, setJob] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  useJobPolling(job, setJob, setError);

  return { job, error };
}

export function JobProgress({ initial, onAnother }: { initial: Job; onAnother: () => void }) {
  const { t } = useI18n();
  const { job, error } = useJob(initial);
  const finished = FINISHED.includes(job.status);
  const label = t('web.app.import.progress_label');
  const heading = useFocusOnMount<HTMLHeadingElement>();

  return (
    <section className="job" aria-labelledby="job-heading">
      <h2 id="job-heading" tabIndex={-1} ref={heading}>{finished ? t('web.app.import.done_title') : t('web.app.import.running_title')}</h2>
      <div className="progress">
        <progress
          max={Math.max(job.total, 1)}
          value={job.status === 'done' ? Math.max(job.total, 1) : job.processed}
          aria-label={label}
          aria-valuetext={t('web.app.import.progress', { processed: job.processed, total: job.total })}
        />
        <span aria-hidden="true">{t('web.app.import.progress', { processed: job.processed, total: job.total })}</span>
      </div>
      <ErrorMessage error={error} />
      <div role="status">
        {job.status === 'done' && job.result ? (
          <p className="alert alert-ok">{t('web.app.import.result', { created: job.result.created, skipped: job.result.skipped })}</p>
        ) : null}
      </div>
      {job.status === 'failed' || job.status === 'cancelled' ? (
        <div className="alert alert-error" role="alert">
          <p>{t('web.app.import.failed', { error: job.error ?? job.status })}</p>
        </div>
      ) : null}
      {finished ? (
        <p>
          <button type="button" className="secondary" onClick={onAnother}>
            {t('web.app.import.another')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
