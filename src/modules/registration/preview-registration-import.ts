import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { insertJob } from '../../platform/jobs/repository.js';
import { checkRecordAccess } from '../events/event-access.js';
import { findSessionById } from '../events/sessions-repository.js';
import type { ImportField, ImportVocabulary } from '../people/import-columns.js';
import { identityKey, parseRow, type ColumnMap, type ParsedRow } from '../people/import-rows.js';
import { matchPeople } from '../people/match-people.js';
import { readSheet } from '../people/read-sheet.js';
import { liveRegisteredPeople } from './registrations-repository.js';

export const REGISTRATION_IMPORT = 'registration_import';
/** A session's participant list, with room for a large forum; the preview stays a reasonable size. */
export const MAX_REGISTRATION_ROWS = 5_000;

/** A checked row, and the person of the register it stands for (null: a new person will be written). */
export interface RegistrationImportRow extends ParsedRow {
  personId: string | null;
}

/** What the job keeps between the preview and the commit, so the file is not needed again. */
export interface RegistrationImportInput {
  sessionId: string;
  fileName: string;
  columns: ImportField[];
  rows: RegistrationImportRow[];
  valid: number;
  invalid: number;
  duplicates: number;
}

export interface RegistrationImportPreview extends Omit<RegistrationImportInput, 'rows'> {
  id: string;
  total: number;
  /** How many valid rows are people already in the register (the others are written as new people). */
  known: number;
  /** Only the rows with problems. */
  rows: RegistrationImportRow[];
}

export interface PreviewRegistrationImportOptions {
  actor: AuthContext | null;
  sessionId: string;
  fileName: string;
  content: Buffer;
  vocabulary: ImportVocabulary;
}

function columnMap(headers: string[], vocabulary: ImportVocabulary): ColumnMap {
  const seen = new Set<ImportField>();
  return headers.map((header) => {
    const field = vocabulary.field(header);
    if (!field || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}

/**
 * Reads a participant list (CSV or XLSX, the people import's columns) and checks every row without
 * writing anything: each problem names its row and column, in the reader's language. Rows are
 * matched to the register (same e-mail, or same name and date of birth); a row repeating an
 * earlier one, or naming someone already registered for the session, is reported as a duplicate.
 */
export async function previewRegistrationImport(db: Db, options: PreviewRegistrationImportOptions): Promise<RegistrationImportPreview> {
  const session = await findSessionById(db, options.sessionId);
  if (!session) throw new AppError('not_found', { values: { what: 'session' } });
  const auth = checkRecordAccess(options.actor, session.associationId, 'write', 'session');
  if (session.status === 'cancelled') throw new AppError('conflict', { messageKey: 'registration.errors.cancelled' });
  const sheet = await readSheet(options.content);
  if (sheet.rows.length === 0) throw fieldError('file', 'empty_file');
  if (sheet.rows.length > MAX_REGISTRATION_ROWS) throw fieldError('file', 'too_many_rows', { max: MAX_REGISTRATION_ROWS });
  const columns = columnMap(sheet.headers, options.vocabulary);
  if (!columns.includes('fullName')) throw fieldError('file', 'missing_full_name');
  const headerOf = (field: ImportField) => sheet.headers[columns.indexOf(field)] ?? field;

  const parsed = sheet.rows.map((r) => parseRow(r.row, r.cells, columns, sheet.headers, options.vocabulary));
  const candidates = parsed.filter((r) => r.values !== null);
  const matches = await matchPeople(
    db,
    session.associationId,
    candidates.map((r) => ({ fullName: r.values!.fullName, nameLatin: r.values!.nameLatin, birthDate: r.values!.birthDate, email: r.values!.email })),
  );
  const personOf = new Map(candidates.map((r, i) => [r.row, matches[i] ?? null]));
  const registered = await liveRegisteredPeople(db, session.id, matches.filter((m): m is string => m !== null));

  const firstRowOf = new Map<string, number>();
  const rows: RegistrationImportRow[] = parsed.map((r) => {
    const row: RegistrationImportRow = { ...r, personId: personOf.get(r.row) ?? null };
    if (!row.values) return row;
    const email = row.values.email?.toLowerCase();
    const keys = [
      row.personId ? `person:${row.personId}` : null,
      email ? `email:${email}` : null,
      identityKey(row.values.fullName, row.values.birthDate),
    ].filter((k): k is string => k !== null);
    const earlier = keys.map((k) => firstRowOf.get(k)).find((n) => n !== undefined);
    if (row.personId && registered.has(row.personId)) {
      row.problems.push({ column: headerOf(email ? 'email' : 'fullName'), key: 'registration.import.already_registered', duplicate: true });
    } else if (earlier !== undefined) {
      row.problems.push({ column: headerOf(email ? 'email' : 'fullName'), key: 'registration.import.same_as_row', values: { row: earlier }, duplicate: true });
    }
    if (row.problems.length > 0) {
      row.values = null;
      return row;
    }
    for (const k of keys) firstRowOf.set(k, row.row);
    return row;
  });

  const invalid = rows.filter((r) => r.problems.length > 0).length;
  const input: RegistrationImportInput = {
    sessionId: session.id,
    fileName: options.fileName,
    columns: [...new Set(columns.filter((c): c is ImportField => c !== null))],
    rows,
    valid: rows.length - invalid,
    invalid,
    duplicates: rows.filter((r) => r.problems.some((p) => p.duplicate)).length,
  };
  const job = await insertJob(db, {
    associationId: session.associationId,
    kind: REGISTRATION_IMPORT,
    status: 'preview',
    total: rows.length,
    input,
    createdBy: auth.user.id,
  });
  const { rows: _all, ...summary } = input;
  return {
    id: job.id,
    total: rows.length,
    known: rows.filter((r) => r.problems.length === 0 && r.personId !== null).length,
    ...summary,
    rows: rows.filter((r) => r.problems.length > 0),
  };
}
