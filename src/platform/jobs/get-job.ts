import type { DbOrTx } from '../../db/client.js';
import { hasRole, requireAuth, STAFF_ROLES, type AuthContext } from '../auth/access.js';
import { AppError } from '../errors.js';
import { findJobState, type JobState } from './repository.js';
import { jobProgress } from './runner.js';
import type { Job } from './schemas.js';

export interface GetJobOptions {
  actor: AuthContext | null;
  id: string;
}

/** A job as its association's staff see it; progress comes from the running process when it has it. */
export async function getJob(db: DbOrTx, options: GetJobOptions): Promise<Job> {
  const auth = requireAuth(options.actor);
  const job = await findJobState(db, options.id);
  const visible =
    job !== null &&
    (job.associationId === null
      ? auth.user.isPlatformAdmin || job.createdBy === auth.user.id
      : hasRole(auth, job.associationId, STAFF_ROLES));
  if (!job || !visible) throw new AppError('not_found', { values: { what: 'job' } });
  return jobView(job);
}

/** The public face of a job: no input, no creator. Progress of a running job comes from memory. */
export function jobView(job: JobState): Job {
  const running = job.status === 'running' ? jobProgress(job.id) : null;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    total: job.total,
    processed: running ?? job.processed,
    result: (job.result as Job['result']) ?? null,
    error: job.error,
  };
}
