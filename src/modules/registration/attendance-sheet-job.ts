import { replaceJobInput } from '../../platform/jobs/repository.js';
import type { JobContext, JobHandlers, JobResult } from '../../platform/jobs/runner.js';
import { AppError } from '../../platform/errors.js';
import { loadSessionFacts } from '../events/get-session.js';
import { writeMarks, type AttendanceMark } from './attendance-repository.js';
import { ATTENDANCE_IMPORT, type AttendanceImportInput } from './attendance-sheet-preview.js';
import { computeCompletions } from './completion-compute.js';
import type { TrainingMailDeps } from './completion-mail.js';

/** Rows per statement: one JSON parameter each, large enough to be quick, small enough that progress moves. */
const BATCH = 5000;

/**
 * Writes the previewed marks in the job's transaction, batch by batch, then computes the session's
 * completions once over the whole sheet (and mails those who completed, if the session is over).
 */
async function runAttendanceImport(deps: TrainingMailDeps, { tx, job, progress }: JobContext): Promise<JobResult> {
  const input = job.input as AttendanceImportInput;
  const session = await loadSessionFacts(tx, input.sessionId);
  if (!session) throw new AppError('not_found', { values: { what: 'session' } });
  const liveDays = new Set(session.days.map((d) => d.id));
  for (let start = 0; start < input.rows.length; start += BATCH) {
    const marks: AttendanceMark[] = [];
    for (const row of input.rows.slice(start, start + BATCH)) {
      input.dayIds.forEach((dayId, i) => {
        const mark = row.m[i];
        // A day removed from the session since the preview takes no marks.
        if (mark === '.' || !liveDays.has(dayId)) return;
        marks.push({ registrationId: row.r, dayId, present: mark === '1' });
      });
    }
    await writeMarks(tx, marks, 'sheet', job.createdBy);
    progress(Math.min(start + BATCH, input.rows.length));
  }
  await computeCompletions(tx, deps, { session, actorId: job.createdBy, now: new Date() });
  // Once written, the marks live in the attendance table; the job keeps only the summary.
  const { rows: _rows, ...summary } = input;
  await replaceJobInput(tx, job.id, summary);
  return { created: input.rows.length, skipped: input.invalid };
}

export function attendanceJobHandlers(deps: TrainingMailDeps): JobHandlers {
  return { [ATTENDANCE_IMPORT]: (context) => runAttendanceImport(deps, context) };
}
