import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { fieldError } from '../../platform/errors.js';
import { deleteStalePreviews, insertJob } from '../../platform/jobs/repository.js';
import { checkAssociationAccess } from './access.js';
import { IMPORT_FIELDS, type ImportField, type ImportVocabulary } from './import-columns.js';
import { identityKey, parseRow, type ColumnMap, type ParsedRow } from './import-rows.js';
import { findPossibleDuplicates } from './repository.js';
import { readSheet } from './read-sheet.js';

export const PEOPLE_IMPORT = 'people_import';
/** A bound on one file, far above any association's register, so a preview stays a reasonable size. */
export const MAX_IMPORT_ROWS = 50_000;
/** A preview holds the file's personal data; one not committed within a day is deleted. */
export const PREVIEW_HOURS = 24;

/** What the job row keeps between the preview and the commit, so the file is not needed again. */
export interface PeopleImportInput {
  fileName: string;
  columns: ImportField[];
  rows: ParsedRow[];
  valid: number;
  invalid: number;
  duplicates: number;
  mode?: 'all' | 'valid';
}

export interface PreviewPeopleImportOptions {
  actor: AuthContext | null;
  associationId: string;
  fileName: string;
  content: Buffer;
  vocabulary: ImportVocabulary;
}

export interface ImportPreview extends Omit<PeopleImportInput, 'rows' | 'mode'> {
  id: string;
  total: number;
  /** Only the rows with problems. */
  rows: ParsedRow[];
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

/** Marks rows that repeat an earlier row of the file, or a person the association already has. */
async function markDuplicates(db: Db, associationId: string, rows: ParsedRow[], headerOf: (f: ImportField) => string): Promise<void> {
  const candidates = rows.filter((r) => r.values !== null);
  const emails = [...new Set(candidates.map((r) => r.values!.email?.toLowerCase()).filter((e): e is string => !!e))];
  const dates = [...new Set(candidates.map((r) => r.values!.birthDate).filter((d): d is string => !!d))];
  const existing = await findPossibleDuplicates(db, associationId, emails, dates);
  const existingEmails = new Set(existing.map((p) => p.email?.toLowerCase()).filter(Boolean));
  const existingIdentities = new Set(
    existing.flatMap((p) => [identityKey(p.fullName, p.birthDate), p.nameLatin ? identityKey(p.nameLatin, p.birthDate) : null]),
  );
  const firstByEmail = new Map<string, number>();
  const firstByIdentity = new Map<string, number>();
  for (const row of candidates) {
    const values = row.values!;
    const email = values.email?.toLowerCase();
    const identities = [identityKey(values.fullName, values.birthDate), values.nameLatin ? identityKey(values.nameLatin, values.birthDate) : null]
      .filter((k): k is string => k !== null);
    const flag = (field: ImportField, key: string, values?: Record<string, number>) =>
      row.problems.push({ column: headerOf(field), key, duplicate: true, ...(values ? { values } : {}) });
    if (email && existingEmails.has(email)) flag('email', 'people.import.duplicate_email_existing');
    else if (email && firstByEmail.has(email)) flag('email', 'people.import.duplicate_email_in_file', { row: firstByEmail.get(email)! });
    const earlier = identities.map((k) => firstByIdentity.get(k)).find((r) => r !== undefined);
    if (identities.some((k) => existingIdentities.has(k))) flag('fullName', 'people.import.duplicate_person_existing');
    else if (earlier !== undefined) flag('fullName', 'people.import.duplicate_person_in_file', { row: earlier });
    if (row.problems.length > 0) {
      row.values = null;
      continue;
    }
    if (email) firstByEmail.set(email, row.row);
    for (const k of identities) firstByIdentity.set(k, row.row);
  }
}

/**
 * Reads an uploaded file and checks every row without writing any person: the answer lists each
 * problem by row and column. The checked rows are kept in a job (status preview) to commit later.
 */
export async function previewPeopleImport(db: Db, options: PreviewPeopleImportOptions): Promise<ImportPreview> {
  const auth = checkAssociationAccess(options.actor, options.associationId, 'write');
  const sheet = await readSheet(options.content);
  if (sheet.rows.length === 0) throw fieldError('file', 'empty_file');
  if (sheet.rows.length > MAX_IMPORT_ROWS) throw fieldError('file', 'too_many_rows', { max: MAX_IMPORT_ROWS });
  const columns = columnMap(sheet.headers, options.vocabulary);
  if (!columns.includes('fullName')) throw fieldError('file', 'missing_full_name');
  const headerOf = (field: ImportField) => sheet.headers[columns.indexOf(field)] ?? field;

  const rows = sheet.rows.map((r) => parseRow(r.row, r.cells, columns, sheet.headers, options.vocabulary));
  await markDuplicates(db, options.associationId, rows, headerOf);

  const invalid = rows.filter((r) => r.problems.length > 0).length;
  const input: PeopleImportInput = {
    fileName: options.fileName,
    columns: IMPORT_FIELDS.filter((f) => columns.includes(f)),
    rows,
    valid: rows.length - invalid,
    invalid,
    duplicates: rows.filter((r) => r.problems.some((p) => p.duplicate)).length,
  };
  await deleteStalePreviews(db, PEOPLE_IMPORT, PREVIEW_HOURS);
  const job = await insertJob(db, {
    associationId: options.associationId,
    kind: PEOPLE_IMPORT,
    status: 'preview',
    total: rows.length,
    input,
    createdBy: auth.user.id,
  });
  const { rows: _all, mode: _mode, ...summary } = input;
  return { id: job.id, total: rows.length, ...summary, rows: rows.filter((r) => r.problems.length > 0) };
}
