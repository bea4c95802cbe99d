import { replaceJobInput } from '../../platform/jobs/repository.js';
import type { JobContext, JobHandlers, JobResult } from '../../platform/jobs/runner.js';
import { AppError } from '../../platform/errors.js';
import { loadSessionFacts } from '../events/get-session.js';
import { writeMarkRows } from './attendance-repository.js';
import { ATTENDANCE_IMPORT, type AttendanceImportInput } from './attendance-sheet-preview.js';
import { recomputeSessionCompletions } from './completion-compute.js';
import type { TrainingMailDeps } from './completion-mail.js';

/** Rows per statement: one JSON parameter each, large enough to be quick, small enough that progress moves. */
const BATCH = 5000;

/**
 * Writes the previewed marks in the job's transaction, batch by batch, then computes the session's
 * completions once over the whole sheet. The completion mails are left to the background pass
 * (completion-mail-pass.ts), which sends them within minutes: a sheet of thousands is not held
 * up, nor rolled back, by thousands of mails.
 */
async function runAttendanceImport({ tx, job, progress }: JobContext): Promise<JobResult> {
  const input = job.input as AttendanceImportInput;
  const session = await loadSessionFacts(tx, input.sessionId);
  if (!session) throw new AppError('not_found', { values: { what: 'session' } });
  // A day removed from the session since the preview takes no marks.
  const liveDays = new Set(session.days.map((d) => d.id));
  const dayIds = input.dayIds.map((id) => (liveDays.has(id) ? id : null));
  for (let start = 0; start < input.rows.length; start += BATCH) {
    await writeMarkRows(tx, input.rows.slice(start, start + BATCH), dayIds, 'sheet', job.createdBy);
    progress(Math.min(start + BATCH, input.rows.length));
  }
  await recomputeSessionCompletions(tx, session, job.createdBy);
  // Once written, the marks live in the attendance table; the job keeps only the summary.
  const { rows: _rows, ...summary } = input;
  await replaceJobInput(tx, job.id, summary);
  return { created: input.rows.length, skipped: input.invalid };
}

/** The mail settings are taken for the job kinds' common shape; the import itself sends no mail. */
export function attendanceJobHandlers(_deps: TrainingMailDeps): JobHandlers {
  return { [ATTENDANCE_IMPORT]: runAttendanceImport };
}
