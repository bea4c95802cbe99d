import type { Translator } from '../../platform/i18n/catalogue.js';
import { GENDERS } from '../people/tables.js';
import { countryLabel, sectorLabel } from './export-labels.js';
import type { ExportBlock } from './export-table.js';

export interface Countable {
  gender: string;
  sector: string | null;
  country: string | null;
}

function countBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

/** Largest first, then by label; "not stated" last. */
function ranked(counts: Map<string | null, number>, label: (value: string) => string, notStated: string): Array<[string, number]> {
  const known = [...counts].filter((entry): entry is [string, number] => entry[0] !== null).map(([value, n]): [string, number] => [label(value), n]);
  known.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const missing = counts.get(null);
  return missing ? [...known, [notStated, missing]] : known;
}

/**
 * The counts donors ask for, under every export: people by gender (every gender, zeros included),
 * by sector and by country (those present), each with its total, labelled in the reader's language.
 */
export function countBlocks(rows: readonly Countable[], tr: Translator): ExportBlock[] {
  const notStated = tr.t('registration.export.summary.not_stated');
  const total = tr.t('registration.export.summary.total');
  const country = countryLabel(tr);
  const genders = countBy(rows, (r) => r.gender);
  const block = (title: string, entries: Array<[string, number]>): ExportBlock => ({
    title: tr.t(`registration.export.summary.${title}`),
    rows: [...entries, [total, rows.length]],
  });
  return [
    block(
      'by_gender',
      GENDERS.map((gender) => [tr.t(`people.gender.${gender}`), genders.get(gender) ?? 0]),
    ),
    block('by_sector', ranked(countBy(rows, (r) => r.sector), (sector) => sectorLabel(tr, sector)!, notStated)),
    block('by_country', ranked(countBy(rows, (r) => r.country), (code) => country(code)!, notStated)),
  ];
}
