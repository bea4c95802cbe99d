import { parseCountry } from './countries.js';
import type { ImportField, ImportVocabulary } from './import-columns.js';
import { nameSkeleton } from './name-skeleton.js';
import { FieldProblems, LIMITS, normalisePersonInput } from './person-fields.js';
import type { Cell } from './read-sheet.js';
import type { Gender, Sector } from './tables.js';

/** A row ready to be written; `employer` is matched to an organisation (or creates one) on commit. */
export interface ImportValues {
  fullName: string;
  nameLatin: string | null;
  gender: Gender;
  birthDate: string | null;
  country: string | null;
  city: string | null;
  sector: Sector | null;
  employer: string | null;
  position: string | null;
  email: string | null;
  phone: string | null;
  registryConsent: boolean;
  emailConsent: boolean;
}

/** A problem with one cell: the header as written in the file, and a catalogue key with its values. */
export interface RowProblem {
  column: string;
  key: string;
  values?: Record<string, string | number>;
  duplicate?: true;
}

export interface ParsedRow {
  row: number;
  values: ImportValues | null;
  problems: RowProblem[];
}

/** Which field each column of the file holds (null: a column the importer does not use). */
export type ColumnMap = Array<ImportField | null>;

const DMY = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const EXCEL_SERIAL = /^\d{4,5}$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const pad = (n: string | number) => String(n).padStart(2, '0');

/** A birth date as YYYY-MM-DD from a date cell, an ISO or day-first date, or a spreadsheet serial number. */
export function parseDate(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (cell === null) return null;
  let m = YMD.exec(cell);
  if (m) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  m = DMY.exec(cell);
  if (m) return `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  if (EXCEL_SERIAL.test(cell)) return new Date(EXCEL_EPOCH + Number(cell) * 86_400_000).toISOString().slice(0, 10);
  return null;
}

const text = (cell: Cell): string => (cell instanceof Date ? cell.toISOString().slice(0, 10) : (cell ?? ''));

/** Field names used by the person rules, mapped to the import fields they come from. */
const RULE_FIELD: Record<string, ImportField> = { employerId: 'employer' };

/** Reads one row: every cell is parsed and checked, and each problem names the column it was found in. */
export function parseRow(row: number, cells: Cell[], columns: ColumnMap, headers: string[], vocabulary: ImportVocabulary): ParsedRow {
  const raw: Partial<Record<ImportField, Cell>> = {};
  const headerOf: Partial<Record<ImportField, string>> = {};
  columns.forEach((field, i) => {
    if (!field || headerOf[field] !== undefined) return;
    headerOf[field] = headers[i]!;
    raw[field] = cells[i] ?? null;
  });
  const problems: RowProblem[] = [];
  const problem = (field: ImportField, key: string, values?: RowProblem['values']) =>
    problems.push({ column: headerOf[field] ?? field, key, ...(values ? { values } : {}) });

  const word = <T>(field: ImportField, parse: (value: string) => T | null, key: string, values?: RowProblem['values']): T | null => {
    const cell = raw[field];
    if (cell === undefined || cell === null) return null;
    const parsed = parse(text(cell));
    if (parsed === null) problem(field, key, values);
    return parsed;
  };
  const gender = word('gender', (v) => vocabulary.gender(v), 'people.import.unknown_gender');
  const sector = word('sector', (v) => vocabulary.sector(v), 'people.import.unknown_sector');
  const country = word('country', parseCountry, 'errors.field.country');
  const registryConsent = word('registryConsent', (v) => vocabulary.yesNo(v), 'people.import.yes_no');
  const emailConsent = word('emailConsent', (v) => vocabulary.yesNo(v), 'people.import.yes_no');
  const birthDate = raw.birthDate ? parseDate(raw.birthDate) : null;
  if (raw.birthDate && birthDate === null) problem('birthDate', 'errors.field.birth_date');
  const employer = raw.employer ? text(raw.employer).trim() : null;
  if (employer && employer.length > LIMITS.name) problem('employer', 'errors.field.too_long', { max: LIMITS.name });

  const rules = new FieldProblems();
  const input = normalisePersonInput(
    {
      fullName: text(raw.fullName ?? null),
      nameLatin: text(raw.nameLatin ?? null),
      birthDate: birthDate ?? undefined,
      city: text(raw.city ?? null),
      position: text(raw.position ?? null),
      email: text(raw.email ?? null),
      phone: text(raw.phone ?? null),
    },
    rules,
  );
  for (const [field, issue] of Object.entries(rules.fields)) {
    problem(RULE_FIELD[field] ?? (field as ImportField), `errors.field.${issue.key}`, issue.values);
  }
  if (problems.length > 0) return { row, values: null, problems };
  return {
    row,
    problems,
    values: {
      fullName: input.fullName!,
      nameLatin: input.nameLatin ?? null,
      gender: gender ?? 'not_stated',
      birthDate,
      country,
      city: input.city ?? null,
      sector,
      employer,
      position: input.position ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      registryConsent: registryConsent ?? false,
      emailConsent: emailConsent ?? false,
    },
  };
}

/**
 * The identity two rows share when they are the same person: the name in any script and any word
 * order ("Nurlanova Aigerim" is "Айгерим Нурланова"), and the birth date.
 */
export function identityKey(name: string, birthDate: string | null): string | null {
  return birthDate ? `${nameSkeleton(name).split(' ').sort().join(' ')}|${birthDate}` : null;
}
