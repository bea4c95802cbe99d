import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { findJob, transitionJob, type JobState } from '../../platform/jobs/repository.js';
import { sessionForAttendance } from './attendance-access.js';
import { ATTENDANCE_IMPORT, type AttendanceImportInput } from './attendance-sheet-preview.js';

export interface CommitAttendanceImportOptions {
  actor: AuthContext | null;
  sessionId: string;
  jobId: string;
  /** all: every row or none, refused while a row has a problem; valid: the rows without problems. */
  mode: 'all' | 'valid';
}

/** Accepts a previewed sheet for writing: the job is queued and a worker writes the marks. */
export async function commitAttendanceImport(db: Db, options: CommitAttendanceImportOptions): Promise<JobState> {
  const { session } = await sessionForAttendance(db, options.actor, options.sessionId, 'manage');
  const job = await findJob(db, options.jobId);
  const input = job?.input as AttendanceImportInput | undefined;
  if (!job || job.kind !== ATTENDANCE_IMPORT || input?.sessionId !== session.id) throw new AppError('not_found', { values: { what: 'job' } });
  if (job.status !== 'preview') throw new AppError('conflict');
  if (options.mode === 'all' && input.invalid > 0) throw fieldError('mode', 'import_has_errors', { count: input.invalid });
  const queued = await transitionJob(db, job.id, ['preview'], 'queued', { total: input.valid, processed: 0, inputPatch: { mode: options.mode } });
  if (!queued) throw new AppError('conflict');
  return queued;
}
