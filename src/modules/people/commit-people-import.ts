import type { Db } from '../../db/client.js';
import { hasRole, requireAuth, type AuthContext } from '../../platform/auth/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { findJob, transitionJob, type JobState } from '../../platform/jobs/repository.js';
import { WRITE_ROLES } from './access.js';
import { PEOPLE_IMPORT, type PeopleImportInput } from './preview-people-import.js';

export interface CommitPeopleImportOptions {
  actor: AuthContext | null;
  jobId: string;
  /** all: every row or none, refused while a row has a problem; valid: the rows without problems. */
  mode: 'all' | 'valid';
}

/** Accepts a previewed import for writing: the job is queued and a worker writes the rows. */
export async function commitPeopleImport(db: Db, options: CommitPeopleImportOptions): Promise<JobState> {
  const auth = requireAuth(options.actor);
  const job = await findJob(db, options.jobId);
  if (!job || job.kind !== PEOPLE_IMPORT || !job.associationId || !hasRole(auth, job.associationId, WRITE_ROLES)) {
    throw new AppError('not_found', { values: { what: 'job' } });
  }
  if (job.status !== 'preview') throw new AppError('conflict');
  const input = job.input as PeopleImportInput;
  if (options.mode === 'all' && input.invalid > 0) {
    throw fieldError('mode', 'import_has_errors', { count: input.invalid });
  }
  const queued = await transitionJob(db, job.id, ['preview'], 'queued', {
    total: input.valid,
    processed: 0,
    inputPatch: { mode: options.mode },
  });
  if (!queued) throw new AppError('conflict');
  return queued;
}
