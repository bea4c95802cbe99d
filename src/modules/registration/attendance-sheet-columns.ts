import { LOCALES } from '../../config.js';
import type { Messages } from '../../platform/i18n/catalogue.js';
import { isIsoDay } from '../events/session-times.js';
import { nameSkeleton } from '../people/name-skeleton.js';
import { parseDate } from '../people/import-rows.js';
import type { Cell } from '../people/read-sheet.js';

/** How a row of a signed sheet names its registrant, in order of trust. */
export const IDENTITY_FIELDS = ['ticketCode', 'email', 'fullName'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** Header spellings beyond the field's code and its label in each interface language. */
const HEADER_ALIASES: Record<IdentityField, string[]> = {
  ticketCode: ['ticket', 'ticket code', 'ticket no', 'code', 'Билет', 'Код билета', 'Номер билета', 'Chipta', 'Chipta kodi', 'Билет коды', 'Biļete', 'Biļetes kods'],
  email: ['e-mail', 'mail', 'email address', 'Электронная почта', 'Эл. почта', 'Почта', 'Elektron pochta', 'Электрондық пошта', 'E-pasts'],
  fullName: [
    'name', 'full name', 'participant', 'ФИО', 'Ф.И.О.', 'Имя', 'Участник', 'Фамилия Имя Отчество', 'F.I.Sh.', 'FISh', 'Familiya ism', 'Ism familiya',
    'Ishtirokchi', 'Аты-жөні', 'Толық аты-жөні', 'Қатысушы', 'Vārds, uzvārds', 'Vārds uzvārds', 'Dalībnieks',
  ],
};

/** Marks of presence and absence as people write them on a paper list, in the five languages. */
const PRESENT_SYMBOLS = ['✓', '✔', '☑', '✅', '+', '●', '•'];
const ABSENT_SYMBOLS = ['-', '–', '—', '✗', '✘', '×', '○'];
const PRESENT_WORDS = ['1', 'x', 'v', 'p', 'yes', 'y', 'true', 'present', 'да', 'д', 'был', 'была', 'присутствовал', 'ha', 'bor', 'keldi', 'иә', 'ия', 'бар', 'келді', 'jā', 'ja', 'bija', 'ir'];
const ABSENT_WORDS = ['0', 'no', 'n', 'false', 'absent', 'нет', 'н', 'нб', 'н/я', 'не был', 'отсутствовал', 'yoʻq', 'yoq', 'kelmadi', 'жоқ', 'келмеді', 'nē', 'ne', 'nebija', 'nav'];

/** Headers and words compare by skeleton without spaces: case, script, punctuation and apostrophes do not matter. */
const compact = (text: string) => nameSkeleton(text).replace(/ /g, '');

/** What a cell under a day's column says: present, absent, or nothing (the column leaves that day alone). */
export type Mark = boolean | null;

const DATE_IN_TEXT = /(\d{4}-\d{1,2}-\d{1,2})|(\d{1,2}[./-]\d{1,2}[./-]\d{4})|(\d{1,2}[./]\d{1,2})(?![./-]?\d)/;

/**
 * The calendar day a column header names, e.g. "2026-05-12", "12.05.2026", "12.05 (Tue)" or a date
 * cell; a day and month without a year take the year of the session. Null when it names none.
 */
export function headerDay(header: string, sessionYear: number): string | null {
  const text = header.trim();
  // A date cell in a spreadsheet header arrives as an ISO instant at midnight UTC.
  if (/^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(text)) return text.slice(0, 10);
  const match = DATE_IN_TEXT.exec(text);
  if (!match) return null;
  if (match[3]) {
    const [d, m] = match[3].split(/[./]/).map(Number) as [number, number];
    const day = parseDate(`${sessionYear}-${m}-${d}`);
    return day && isIsoDay(day) ? day : null;
  }
  const day = parseDate(match[1] ?? match[2]!);
  return day && isIsoDay(day) ? day : null;
}

/** Lookups from what a sheet may say to what it means, built once from the catalogues. */
export class SheetVocabulary {
  private readonly headers = new Map<string, IdentityField>();
  private readonly symbols = new Map<string, boolean>();
  private readonly words = new Map<string, boolean>();
  /** A sheet repeats a handful of marks thousands of times: each is read once. */
  private readonly seen = new Map<string, Mark | undefined>();

  constructor(messages: Messages) {
    const labels = (key: string) => LOCALES.map((locale) => messages.catalogue(locale)[key]).filter((l): l is string => !!l);
    for (const field of IDENTITY_FIELDS) {
      for (const name of [field, ...labels(`fields.${field}`), ...labels(`registration.attendance.sheet.header.${field}`), ...HEADER_ALIASES[field]]) {
        const key = compact(name);
        if (key) this.headers.set(key, field);
      }
    }
    for (const s of PRESENT_SYMBOLS) this.symbols.set(s, true);
    for (const s of ABSENT_SYMBOLS) this.symbols.set(s, false);
    for (const w of PRESENT_WORDS) this.words.set(compact(w), true);
    for (const w of ABSENT_WORDS) this.words.set(compact(w), false);
  }

  field(header: string): IdentityField | null {
    return this.headers.get(compact(header)) ?? null;
  }

  /** Present, absent, or null for an empty cell; undefined when the mark is not understood. */
  mark(cell: Cell): Mark | undefined {
    if (cell === null) return null;
    if (cell instanceof Date) return undefined;
    if (this.seen.has(cell)) return this.seen.get(cell);
    const mark = this.read(cell);
    if (this.seen.size < 10_000) this.seen.set(cell, mark);
    return mark;
  }

  private read(cell: string): Mark | undefined {
    const text = cell.trim().normalize('NFC');
    if (text === '') return null;
    const symbol = this.symbols.get(text);
    if (symbol !== undefined) return symbol;
    const key = compact(text);
    return key === '' ? undefined : this.words.get(key);
  }
}
