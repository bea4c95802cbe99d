import type { Translator } from '../../platform/i18n/catalogue.js';
import type { SessionFacts } from '../events/get-session.js';
import { instantToZoned } from '../events/session-times.js';
import { countBlocks } from './export-counts.js';
import { countryLabel, header, sectorLabel } from './export-labels.js';
import type { Cell, ExportTable } from './export-table.js';
import type { ParticipantRow } from './exports-repository.js';

/**
 * The participant list: every confirmed registrant with what staff need to run the training
 * (no birth dates, no consents), then counts by gender, sector and country.
 */
export function participantsTable(rows: readonly ParticipantRow[], session: Pick<SessionFacts, 'timeZone'>, tr: Translator): ExportTable {
  const country = countryLabel(tr);
  return {
    name: tr.t('registration.export.sheet.participants'),
    columns: [
      { header: header(tr, 'number'), format: 'integer', width: 6 },
      { header: header(tr, 'full_name'), width: 32 },
      { header: header(tr, 'name_latin'), width: 28 },
      { header: header(tr, 'gender'), width: 12 },
      { header: header(tr, 'organisation'), width: 30 },
      { header: header(tr, 'position'), width: 22 },
      { header: header(tr, 'sector'), width: 20 },
      { header: header(tr, 'country'), width: 16 },
      { header: header(tr, 'city'), width: 16 },
      { header: header(tr, 'email'), width: 28 },
      { header: header(tr, 'fee'), width: 14 },
      { header: header(tr, 'sponsor'), width: 24 },
      { header: header(tr, 'registered_on'), format: 'date', width: 13 },
      { header: header(tr, 'ticket'), width: 12 },
    ],
    rows: rows.map((row, index): Cell[] => [
      index + 1,
      row.fullName,
      row.nameLatin,
      tr.t(`people.gender.${row.gender}`),
      row.organisation,
      row.position,
      sectorLabel(tr, row.sector),
      country(row.country),
      row.city,
      row.email,
      tr.t(`registration.export.fee.${row.feeMode}`),
      row.sponsorProjectName,
      instantToZoned(row.confirmedAt ?? row.createdAt, session.timeZone).day,
      row.ticketCode,
    ]),
    blocks: countBlocks(rows, tr),
  };
}
