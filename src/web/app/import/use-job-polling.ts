import { useEffect } from 'react';
import { api, toApiError, type ApiError } from '../api.js';
import { FINISHED, type Job } from './types.js';

const POLL_MS = 500;

/** Asks the server how far a job has got, every half second, until it is finished. No job, no polling. */
export function useJobPolling(job: Job | null, onJob: (job: Job) => void, onError: (error: ApiError) => void): void {
  const finished = job !== null && FINISHED.includes(job.status);
  useEffect(() => {
    if (!job || finished) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.get<Job>(`/jobs/${job.id}`, controller.signal).then(onJob, (caught: unknown) => {
        if (!controller.signal.aborted) onError(toApiError(caught));
      });
    }, POLL_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [job, finished, onJob, onError]);
}
