import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { fieldError } from '../../platform/errors.js';
import { deleteStalePreviews, insertJob } from '../../platform/jobs/repository.js';
import type { SessionFacts } from '../events/get-session.js';
import { readSheet } from '../people/read-sheet.js';
import { sessionForAttendance } from './attendance-access.js';
import { attendeesOfSession } from './attendance-repository.js';
import { headerDay, type SheetVocabulary } from './attendance-sheet-columns.js';
import { AttendeeIndex, checkRow, type CheckedRow, type SheetLayout } from './attendance-sheet-rows.js';

export const ATTENDANCE_IMPORT = 'attendance_import';
/** Far above any session's size, so a preview stays a reasonable size. */
export const MAX_SHEET_ROWS = 100_000;
/** A preview nobody committed within a day is dropped. */
const PREVIEW_HOURS = 24;

/**
 * What the job keeps between preview and commit: only the rows that can be written, each as its
 * registration and one character per day ("1" present, "0" absent, "." no mark), so a sheet of
 * 50,000 rows stays a few megabytes.
 */
export interface AttendanceImportInput {
  sessionId: string;
  fileName: string;
  dayIds: string[];
  rows: Array<{ r: string; m: string }>;
  valid: number;
  invalid: number;
  mode?: 'all' | 'valid';
}

export interface PreviewAttendanceImportOptions {
  actor: AuthContext | null;
  sessionId: string;
  fileName: string;
  content: Buffer;
  vocabulary: SheetVocabulary;
}

export interface AttendanceImportPreview {
  id: string;
  fileName: string;
  total: number;
  valid: number;
  invalid: number;
  /** The identity columns recognised, as headed in the file. */
  columns: string[];
  days: Array<{ column: string; day: string }>;
  /** Only the rows with problems. */
  rows: CheckedRow[];
}

/** Which columns name the registrant and which hold a session day; a date that is not a day of the session refuses the file. */
function layoutOf(headers: string[], session: SessionFacts, vocabulary: SheetVocabulary): SheetLayout {
  const layout: SheetLayout = { identity: [], days: [] };
  const year = Number(session.days[0]?.day.slice(0, 4) ?? new Date().getUTCFullYear());
  headers.forEach((header, index) => {
    const field = vocabulary.field(header);
    if (field) {
      if (!layout.identity.some((c) => c.field === field)) layout.identity.push({ index, field, header });
      return;
    }
    const day = headerDay(header, year);
    if (!day) return;
    const sessionDay = session.days.find((d) => d.day === day);
    if (!sessionDay) throw fieldError('file', 'attendance_sheet_unknown_day', { column: header, day });
    if (layout.days.some((d) => d.dayId === sessionDay.id)) throw fieldError('file', 'attendance_sheet_day_twice', { column: header, day });
    layout.days.push({ index, header, dayId: sessionDay.id, day });
  });
  if (layout.identity.length === 0) throw fieldError('file', 'attendance_sheet_no_identity');
  if (layout.days.length === 0) throw fieldError('file', 'attendance_sheet_no_days');
  return layout;
}

const MARK_CHAR = (mark: boolean | null) => (mark === null ? '.' : mark ? '1' : '0');

/**
 * Reads a signed attendance sheet (CSV or XLSX) and checks every row against the session's
 * registrants without writing a mark: the answer lists each problem by row and column. The rows
 * that can be written are kept in a job (status preview) to commit later.
 */
export async function previewAttendanceImport(db: Db, options: PreviewAttendanceImportOptions): Promise<AttendanceImportPreview> {
  const { auth, session } = await sessionForAttendance(db, options.actor, options.sessionId, 'manage');
  const sheet = await readSheet(options.content);
  if (sheet.rows.length === 0) throw fieldError('file', 'empty_file');
  if (sheet.rows.length > MAX_SHEET_ROWS) throw fieldError('file', 'too_many_rows', { max: MAX_SHEET_ROWS });
  const layout = layoutOf(sheet.headers, session, options.vocabulary);

  const index = new AttendeeIndex(await attendeesOfSession(db, session.id, ['confirmed', 'waitlisted', 'cancelled']));
  const seen = new Map<string, number>();
  const problems: CheckedRow[] = [];
  const rows: AttendanceImportInput['rows'] = [];
  for (const r of sheet.rows) {
    const checked = checkRow(r.row, r.cells, layout, index, options.vocabulary, seen);
    if (checked.problems.length > 0) problems.push(checked);
    else rows.push({ r: checked.registrationId!, m: checked.marks.map(MARK_CHAR).join('') });
  }

  const input: AttendanceImportInput = {
    sessionId: session.id,
    fileName: options.fileName,
    dayIds: layout.days.map((d) => d.dayId),
    rows,
    valid: rows.length,
    invalid: problems.length,
  };
  await deleteStalePreviews(db, ATTENDANCE_IMPORT, PREVIEW_HOURS);
  const job = await insertJob(db, {
    associationId: session.associationId,
    kind: ATTENDANCE_IMPORT,
    status: 'preview',
    total: sheet.rows.length,
    input,
    createdBy: auth.user.id,
  });
  return {
    id: job.id,
    fileName: options.fileName,
    total: sheet.rows.length,
    valid: rows.length,
    invalid: problems.length,
    columns: layout.identity.map((c) => c.header),
    days: layout.days.map((d) => ({ column: d.header, day: d.day })),
    rows: problems,
  };
}
