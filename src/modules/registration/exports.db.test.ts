import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import { issueInvoiceForRegistration } from './invoice-issue-for-registration.js';
import { seedFeeProject, seedPayer, seedPricedSession, type PayerOptions, type SeededPayer, type SeededSession } from './invoice-test-data.js';
import { attendance } from './tables.js';

let ctx: TestContext;
let staff: Agent;
let session: SeededSession;
const seated: Record<string, SeededPayer> = {};
const invoiceIds: Record<string, string> = {};

const PEOPLE: Array<[key: string, options: PayerOptions]> = [
  ['gulnora', { fullName: 'Ғуломова Гулнора', nameLatin: 'Gʻulomova Gulnora', gender: 'female', sector: 'wastewater', country: 'UZ', organisation: 'Toshkent shahar suvoqova', birthDate: '1985-04-23' }],
  ['aigerim', { fullName: 'Әлімжанова Айгерім', gender: 'female', sector: 'wastewater', country: 'KZ', organisation: 'Астана су арнасы' }],
  ['janis', { fullName: 'Bērziņš Jānis', gender: 'male', sector: 'rainwater', country: 'LV', organisation: '=HYPERLINK("http://evil.example","open")', position: '+1 chief engineer' }],
  ['oktam', { fullName: 'Ғуломов Ўктам', gender: 'male', sector: null, country: 'UZ', organisation: null, feeMode: 'sponsored' }],
  ['nodir', { fullName: 'Nodir Karimov', gender: 'not_stated', sector: 'rainwater', country: null, feeMode: 'sponsored' }],
  ['waiting', { fullName: 'Waiting Person', gender: 'female', status: 'waitlisted' }],
  ['gone', { fullName: 'Cancelled Person', gender: 'male', status: 'cancelled' }],
];

type Rows = string[][];

/** A past session: invoices issued 60 days ago (due 14 days later), the course held a month ago. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ISSUED = new Date(`${day(-60)}T08:00:00Z`);
const DAYS = [day(-30), day(-29), day(-28)];

beforeAll(async () => {
  ctx = await createTestApp();
  const association = await makeAssociation(ctx, { shortName: 'ACEC-UZ', timeZone: 'Asia/Tashkent' });
  staff = await signedInAgent(ctx, { roles: [[association.id, 'staff']] });
  const projectId = await seedFeeProject(ctx.database.db, association.id, 'ENGINE');
  session = await seedPricedSession(ctx.database.db, association.id, { days: DAYS, price: { amount: 120, currency: 'EUR' } });
  for (const [key, options] of PEOPLE) {
    seated[key] = await seedPayer(ctx.database.db, session, { ...options, ...(options.feeMode === 'sponsored' ? { sponsorProjectId: projectId } : {}) });
    const issued = await ctx.database.db.transaction((tx) => issueInvoiceForRegistration(tx, seated[key]!.registrationId, { now: ISSUED }));
    if (issued) invoiceIds[key] = issued.invoice.id;
  }
  await staff.request({ method: 'POST', url: `/api/v1/invoices/${invoiceIds.gulnora}/payment`, payload: { paidOn: day(-50), reference: 'PP-0042' } });
  await staff.request({ method: 'POST', url: `/api/v1/invoices/${invoiceIds.aigerim}/void`, payload: { reason: 'Company pays by contract' } });
  const [d1, d2, d3] = session.days;
  const mark = (key: string, dayId: string, present: boolean) => ({ registrationId: seated[key]!.registrationId, dayId, present, source: 'tick' as const });
  await ctx.database.db.insert(attendance).values([
    mark('gulnora', d1!.id, true),
    mark('gulnora', d2!.id, true),
    mark('gulnora', d3!.id, true),
    mark('janis', d1!.id, true),
    mark('janis', d2!.id, false),
    mark('oktam', d1!.id, true),
  ]);
});
afterAll(async () => ctx.close());

async function download(kind: string, format: 'csv' | 'xlsx', lang: string, agent = staff) {
  const res = await agent.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/exports/${kind}.${format}?lang=${lang}` });
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename\\*=UTF-8''${kind}-.+\\.${format}$`));
  return res.rawPayload;
}

async function csvRows(kind: string, lang: string): Promise<Rows> {
  const body = await download(kind, 'csv', lang);
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows: Rows = parse(body, { bom: true, relax_column_count: true });
  return rows;
}

async function xlsxRows(kind: string, lang: string): Promise<{ name: string; rows: Rows; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download(kind, 'xlsx', lang)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: Rows = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = Array.from(row.values as Array<string | number | Date | null | undefined>)
      .slice(1)
      .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v)));
    rows[number - 1] = values;
  });
  return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []), sheet };
}

/** The label-count rows of a block under the table, found by its title. */
function block(rows: Rows, title: string): Array<[string, string]> {
  const start = rows.findIndex((r) => r[0] === title);
  expect(start, `block ${title}`).toBeGreaterThan(0);
  const out: Array<[string, string]> = [];
  for (const row of rows.slice(start + 1)) {
    if (!row.length || row.every((c) => c === '')) break;
    out.push([row[0]!, row[1]!]);
  }
  return out;
}

describe('the participant list', () => {
  it('as CSV in Russian: confirmed participants with what staff need, then counts by gender, sector and country', async () => {
    const rows = await csvRows('participants', 'ru');
    expect(rows[0]).toEqual(['№', 'ФИО', 'Имя латиницей', 'Пол', 'Организация', 'Должность', 'Отрасль', 'Страна', 'Город', 'Эл. почта', 'Оплата участия', 'Проект-спонсор', 'Дата регистрации', 'Билет']);
    const data = rows.slice(1, rows.findIndex((r, i) => i > 0 && r.every((c) => c === '')));
    expect(data.map((r) => r[1])).toEqual(['Bērziņš Jānis', 'Nodir Karimov', 'Ғуломов Ўктам', 'Ғуломова Гулнора', 'Әлімжанова Айгерім']);
    const gulnora = data.find((r) => r[1] === 'Ғуломова Гулнора')!;
    expect(gulnora.slice(2, 8)).toEqual(['Gʻulomova Gulnora', 'Женский', 'Toshkent shahar suvoqova', '', 'Водоотведение', 'Узбекистан']);
    expect(gulnora[10]).toBe('По счёту');
    expect(gulnora[12]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const oktam = data.find((r) => r[1] === 'Ғуломов Ўктам')!;
    expect(oktam.slice(10, 12)).toEqual(['За счёт проекта', 'ENGINE']);
    // No birth dates or consents: only what staff need.
    expect(rows.flat().join('|')).not.toContain('1985');

    expect(block(rows, 'По полу')).toEqual([['Женский', '2'], ['Мужской', '2'], ['Другой', '0'], ['Не указан', '1'], ['Всего', '5']]);
    expect(block(rows, 'По странам')).toEqual([['Узбекистан', '2'], ['Казахстан', '1'], ['Латвия', '1'], ['Не указано', '1'], ['Всего', '5']]);
    expect(block(rows, 'По отраслям')).toEqual([['Водоотведение', '2'], ['Дождевые воды', '2'], ['Не указано', '1'], ['Всего', '5']]);
  });

  it('neutralises formula injection in CSV and keeps the exact text in XLSX', async () => {
    const csv = await csvRows('participants', 'en');
    const janis = csv.find((r) => r[1] === 'Bērziņš Jānis')!;
    expect(janis[4]).toBe(`'=HYPERLINK("http://evil.example","open")`);
    expect(janis[5]).toBe(`'+1 chief engineer`);

    const { sheet, rows } = await xlsxRows('participants', 'en');
    const row = rows.findIndex((r) => r[1] === 'Bērziņš Jānis') + 1;
    const cell = sheet.getCell(row, 5);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe('=HYPERLINK("http://evil.example","open")');
  });

  it('as XLSX in English parses back with the same rows and counts', async () => {
    const { name, rows } = await xlsxRows('participants', 'en');
    expect(name).toBe('Participants');
    expect(rows[0]!.slice(0, 4)).toEqual(['No.', 'Full name', 'Name in Latin letters', 'Gender']);
    expect(rows.slice(1, 6).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    // Registration dates are written as dates.
    expect(rows.slice(1, 6).every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[12]!))).toBe(true);
    expect(block(rows, 'By gender')).toEqual([['Female', '2'], ['Male', '2'], ['Another gender', '0'], ['Not stated', '1'], ['Total', '5']]);
    expect(block(rows, 'By country')).toEqual([['Uzbekistan', '2'], ['Kazakhstan', '1'], ['Latvia', '1'], ['Not stated', '1'], ['Total', '5']]);
    expect(block(rows, 'By sector')).toEqual([['Rainwater', '2'], ['Wastewater', '2'], ['Not stated', '1'], ['Total', '5']]);
  });
});

describe('the attendance export', () => {
  it('has a column per day with 1, 0 or nothing, the days attended and their share', async () => {
    const rows = await csvRows('attendance', 'en');
    const shown = (iso: string) => iso.split('-').reverse().join('/');
    expect(rows[0]).toEqual(['No.', 'Full name', 'Name in Latin letters', 'Organisation', 'Gender', 'Sector', 'Country', ...DAYS.map(shown), 'Days attended', 'Attendance, %', 'Completed']);
    const byName = (name: string) => rows.find((r) => r[1] === name)!;
    expect(byName('Ғуломова Гулнора').slice(7, 12)).toEqual(['1', '1', '1', '3', '100']);
    expect(byName('Bērziņš Jānis').slice(7, 12)).toEqual(['1', '0', '', '1', '33']);
    expect(byName('Nodir Karimov').slice(7, 12)).toEqual(['', '', '', '0', '0']);
    expect(rows.some((r) => r[1] === 'Waiting Person' || r[1] === 'Cancelled Person')).toBe(false);
    expect(rows.flat()).toContain('1 = present, 0 = absent, empty = not recorded');
    expect(block(rows, 'By gender').at(-1)).toEqual(['Total', '5']);
  });

  it('as XLSX keeps the marks as numbers', async () => {
    const { sheet, rows } = await xlsxRows('attendance', 'lv');
    expect(rows[0]![1]).toBe('Vārds, uzvārds');
    const row = rows.findIndex((r) => r[1] === 'Bērziņš Jānis') + 1;
    expect([sheet.getCell(row, 8).value, sheet.getCell(row, 9).value, sheet.getCell(row, 10).value]).toEqual([1, 0, null]);
    expect(block(rows, 'Pēc dzimuma').at(-1)).toEqual(['Kopā', '5']);
  });
});

describe('the payments export', () => {
  it('lists every invoice (void ones with their reason) and each sponsored seat, with totals per currency', async () => {
    const { rows, sheet } = await xlsxRows('payments', 'en');
    expect(rows[0]).toEqual(['No.', 'Full name', 'Organisation', 'Registration', 'Fee', 'Sponsoring project', 'Invoice', 'Amount', 'Currency', 'Invoice status', 'Issued on', 'Due date', 'Paid on', 'Payment reference', 'Reason for void']);
    const byName = (name: string) => rows.find((r) => r[1] === name)!;
    const number = `ACEC-UZ-${day(-60).slice(0, 4)}-000001`;
    expect(byName('Ғуломова Гулнора').slice(6)).toEqual([number, '120', 'EUR', 'Paid', day(-60), day(-46), day(-50), 'PP-0042']);
    expect(byName('Әлімжанова Айгерім').slice(9)).toEqual(['Void', day(-60), day(-46), '', '', 'Company pays by contract']);
    expect(byName('Ғуломов Ўктам').slice(4)).toEqual(['Sponsored', 'ENGINE']);
    expect(rows.some((r) => r[1] === 'Cancelled Person')).toBe(false);
    const amountRow = rows.findIndex((r) => r[1] === 'Bērziņš Jānis') + 1;
    expect(sheet.getCell(amountRow, 8).value).toBe(120);

    const totals = rows.slice(rows.findIndex((r) => r[0] === 'Totals') + 1);
    expect(totals.slice(0, 7).map((r) => r.slice(0, 4))).toEqual([
      ['', 'People', 'Sum', 'Currency'],
      ['Invoiced', '2', '240', 'EUR'],
      ['Paid', '1', '120', 'EUR'],
      ['Outstanding', '1', '120', 'EUR'],
      ['Overdue', '1', '120', 'EUR'],
      ['Sponsored', '2', '240', 'EUR'],
      ['Free', '0'],
    ]);
    expect(block(rows, 'By gender').at(-1)).toEqual(['Total', '6']);
  });
});

describe('exports', () => {
  it('are refused to staff of another association and to trainers, and unknown kinds are refused', async () => {
    const other = await makeAssociation(ctx);
    const outsider = await signedInAgent(ctx, { roles: [[other.id, 'staff']] });
    const trainer = await signedInAgent(ctx, { roles: [[session.associationId, 'trainer']] });
    for (const kind of ['participants', 'attendance', 'payments']) {
      for (const agent of [outsider, trainer]) {
        const res = await agent.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/exports/${kind}.csv` });
        expect(res.statusCode, `${kind}`).toBe(403);
      }
    }
    expect((await staff.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/exports/birthdays.csv` })).statusCode).toBe(400);
    expect((await staff.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/exports/participants.pdf` })).statusCode).toBe(400);
  });
});
