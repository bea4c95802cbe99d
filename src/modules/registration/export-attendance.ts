import type { Translator } from '../../platform/i18n/catalogue.js';
import type { SessionDay } from '../events/get-session.js';
import type { AttendanceRow } from './attendance-list.js';
import { countBlocks } from './export-counts.js';
import { countryLabel, header, sectorLabel } from './export-labels.js';
import type { Cell, ExportColumn, ExportTable } from './export-table.js';
import type { ParticipantRow } from './exports-repository.js';

export interface AttendanceExportInput {
  days: readonly Pick<SessionDay, 'id' | 'day'>[];
  /** The tick list: marks by day id, as attendance keeps them. */
  rows: readonly AttendanceRow[];
  /** Who each registrant is, by registration id. */
  people: ReadonlyMap<string, ParticipantRow>;
  /** The completion in force, by registration id; absent before it is first computed. */
  completed: ReadonlyMap<string, boolean>;
}

/**
 * Attendance: a column per day (1 present, 0 absent, empty when nothing was recorded), the days
 * attended and their share, whether the registrant completed, then counts by gender, sector and
 * country.
 */
export function attendanceTable(input: AttendanceExportInput, tr: Translator): ExportTable {
  const country = countryLabel(tr);
  const dayColumns: ExportColumn[] = input.days.map((d) => ({ header: tr.formatDate(d.day, 'short', 'UTC'), format: 'integer', width: 11 }));
  const people = input.rows.map((row) => input.people.get(row.registrationId));
  return {
    name: tr.t('registration.export.sheet.attendance'),
    columns: [
      { header: header(tr, 'number'), format: 'integer', width: 6 },
      { header: header(tr, 'full_name'), width: 32 },
      { header: header(tr, 'name_latin'), width: 28 },
      { header: header(tr, 'organisation'), width: 30 },
      { header: header(tr, 'gender'), width: 12 },
      { header: header(tr, 'sector'), width: 20 },
      { header: header(tr, 'country'), width: 16 },
      ...dayColumns,
      { header: header(tr, 'days_attended'), format: 'integer', width: 12 },
      { header: header(tr, 'attendance_percent'), format: 'integer', width: 12 },
      { header: header(tr, 'completed'), width: 12 },
    ],
    rows: input.rows.map((row, index): Cell[] => {
      const person = people[index];
      const marks = input.days.map((d) => (row.marks[d.id] === undefined ? null : row.marks[d.id] ? 1 : 0));
      const attended = marks.filter((m) => m === 1).length;
      const completed = input.completed.get(row.registrationId);
      return [
        index + 1,
        row.fullName,
        row.nameLatin,
        person?.organisation ?? null,
        person ? tr.t(`people.gender.${person.gender}`) : null,
        sectorLabel(tr, person?.sector ?? null),
        country(person?.country ?? null),
        ...marks,
        attended,
        input.days.length ? Math.round((attended * 100) / input.days.length) : null,
        completed === undefined ? null : tr.t(completed ? 'registration.export.yes' : 'registration.export.no'),
      ];
    }),
    note: tr.t('registration.export.present_note'),
    blocks: countBlocks(
      people.map((p) => ({ gender: p?.gender ?? 'not_stated', sector: p?.sector ?? null, country: p?.country ?? null })),
      tr,
    ),
  };
}
