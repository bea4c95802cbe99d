import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';

/** A cell as the importer sees it: text, a date (spreadsheet date cells), or nothing. */
export type Cell = string | Date | null;

export interface Sheet {
  headers: string[];
  /** Data rows that have any value, with their row number in the sheet (the header is row 1). */
  rows: Array<{ row: number; cells: Cell[] }>;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Control characters other than tab, line feed and carriage return do not occur in a CSV file. */
function looksBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

/**
 * Reads the first sheet of an XLSX workbook or a CSV file, recognised by content, not by name.
 * Anything else is `unsupported_file`.
 */
export async function readSheet(content: Buffer): Promise<Sheet> {
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(content);
  const text = decodeText(content);
  if (text === null) throw new AppError('unsupported_file');
  return readCsv(text);
}

/** UTF-8 (with or without BOM); failing that, Windows-1251, which spreadsheet programs still write for Cyrillic. */
function decodeText(content: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    text = new TextDecoder('windows-1251').decode(content);
  }
  return looksBinary(text) ? null : text;
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.d;
}

function readCsv(text: string): Sheet {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch {
    throw new AppError('unsupported_file');
  }
  const [header = [], ...data] = records;
  return {
    headers: header.map((h) => h.trim()),
    rows: data
      .map((cells, index) => ({ row: index + 2, cells: cells.map((c) => (c.trim() === '' ? null : c.trim())) }))
      .filter((r) => r.cells.some((c) => c !== null)),
  };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return cellValue(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return cellValue(value.text);
  if ('result' in value) return cellValue(value.result);
  return null;
}

async function readXlsx(content: Buffer): Promise<Sheet> {
  // exceljs is some 450 files: loaded with the first spreadsheet read, not at every start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('unsupported_file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const headerRow = sheet.getRow(1);
  const width = headerRow.cellCount;
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) {
    const v = cellValue(headerRow.getCell(c).value);
    headers.push(v instanceof Date ? v.toISOString() : (v ?? ''));
  }
  const rows: Sheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    if (cells.some((cell) => cell !== null)) rows.push({ row: rowNumber, cells });
  });
  return { headers, rows };
}
