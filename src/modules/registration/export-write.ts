import { stringify } from 'csv-stringify/sync';
import type { Cell, ExportTable } from './export-table.js';

export type ExportFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The table's lines as a spreadsheet shows them: rows, a blank line, the note, then each block after a blank line. */
function lines(table: ExportTable): Cell[][] {
  const out: Cell[][] = [table.columns.map((c) => c.header), ...table.rows];
  if (table.note) out.push([], [table.note]);
  for (const block of table.blocks) {
    out.push([], [block.title]);
    if (block.header) out.push(block.header);
    out.push(...block.rows);
  }
  return out;
}

/**
 * CSV as Excel opens it in every language: UTF-8 with a byte-order mark (else Cyrillic and ʻ turn
 * to mojibake), CRLF line ends, RFC 4180 quoting. A text cell beginning with = + - @ (or a tab or
 * carriage return) is prefixed with ' so that a spreadsheet never runs it as a formula; numbers
 * are written as numbers.
 */
export function writeCsv(table: ExportTable): Buffer {
  const text = stringify(lines(table), { bom: true, record_delimiter: 'windows', escape_formulas: true });
  return Buffer.from(text, 'utf8');
}

function asDate(value: Cell): Date | Cell {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value;
}

const NUMBER_FORMATS = { integer: '0', money: '#,##0.00', date: 'yyyy-mm-dd' } as const;

/**
 * XLSX with typed cells: text is written as text (shared strings, never a formula, so it needs no
 * escaping and keeps its exact value), numbers as numbers, dates as dates. The header row is bold,
 * frozen and filterable.
 */
export async function writeXlsx(table: ExportTable): Promise<Buffer> {
  // exceljs is some 450 files: loaded with the first spreadsheet written, not at every start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Usta';
  const sheet = workbook.addWorksheet(table.name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    width: column.width ?? Math.min(40, Math.max(8, column.header.length + 2)),
    ...(column.format && column.format !== 'text' ? { style: { numFmt: NUMBER_FORMATS[column.format] } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(row.map((value, index) => (table.columns[index]?.format === 'date' ? asDate(value) : value)));
  }
  if (table.rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
  const plain = (values: Cell[]) => {
    const row = sheet.addRow(values);
    // The columns' number formats belong to the records above, not to counts and labels.
    row.eachCell((cell) => {
      cell.numFmt = typeof cell.value === 'number' && !Number.isInteger(cell.value) ? NUMBER_FORMATS.money : 'General';
    });
    return row;
  };
  if (table.note) {
    sheet.addRow([]);
    plain([table.note]).font = { italic: true };
  }
  for (const block of table.blocks) {
    sheet.addRow([]);
    plain([block.title]).font = { bold: true };
    if (block.header) plain(block.header).font = { italic: true };
    for (const row of block.rows) plain(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function writeExport(table: ExportTable, format: ExportFormat): Promise<Buffer> {
  return format === 'csv' ? writeCsv(table) : writeXlsx(table);
}
