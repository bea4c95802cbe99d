import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, signInAs, startServer, type Browser, type TestServer } from './harness.js';

/**
 * Staff follow the money of the upcoming Nur-Sultan session of the demo: record a payment (after
 * being told the reference is missing), void an invoice, sponsor the seat instead, and download
 * the participant list in Russian.
 */

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
  page = browser.page;
  await signInAs(page, server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const heading = () => page.getByRole('heading', { level: 1 }).innerText();
const dialog = () => page.getByRole('dialog');

describe('payments of a session, for staff', () => {
  it('opens from the session page with the report, the exports and each registrant’s fee', async () => {
    const sessions = (await (await page.request.get(`${server.url}/api/v1/sessions?pageSize=100`)).json()) as { items: Array<{ id: string; slug: string }> };
    const session = sessions.items.find((s) => s.slug.startsWith('wastewater-nursultan'))!;
    await page.goto(`${server.url}/app/events/sessions/${session.id}`);
    await page.getByRole('link', { name: 'Payments and exports' }).click();
    await expect.poll(heading).toBe('Payments and exports: Industrial wastewater');
    await page.getByRole('heading', { name: 'Payment report' }).waitFor();
    await page.getByRole('heading', { name: 'All invoices' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('records a payment, naming a missing reference in the dialog', async () => {
    await page.getByRole('button', { name: 'Record payment' }).first().click();
    await dialog().getByRole('button', { name: 'Record payment' }).click();
    await dialog().getByText('This field is required.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByLabel('Payment reference').fill('KASPI-2026-0042');
    await dialog().getByRole('button', { name: 'Record payment' }).click();
    await page.getByText(/^Payment of KWSA-\d{4}-\d{6} recorded\.$/).waitFor();
    await page.getByText('KASPI-2026-0042').first().waitFor();
  });

  it('voids an unpaid invoice with a reason, then sponsors the seat instead', async () => {
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Void', exact: true }) }).first();
    const person = await row.getByRole('rowheader').getByRole('link').innerText();
    await row.getByRole('button', { name: 'Void', exact: true }).click();
    await dialog().getByLabel('Reason').fill('Issued twice');
    await dialog().getByRole('button', { name: 'Void the invoice' }).click();
    await page.getByText(/^Invoice KWSA-\d{4}-\d{6} voided\.$/).waitFor();

    const same = page.getByRole('row').filter({ has: page.getByRole('link', { name: person, exact: true }) });
    await same.getByRole('button', { name: 'Sponsor', exact: true }).click();
    await dialog().getByLabel('Project').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Sponsor the seat' }).click();
    await page.getByText('The seat is sponsored.').waitFor();
    // The list is read again after the change.
    await expect.poll(() => same.getByRole('cell').nth(1).innerText()).toMatch(/^Sponsored/);
  });

  it('downloads the participant list with Russian headers and counts at the bottom', async () => {
    await page.goto(`${server.url}/language/ru?next=${encodeURIComponent(new URL(page.url()).pathname)}`);
    await expect.poll(heading).toMatch(/^Оплата и выгрузки/);
    const waiting = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Скачать «Список участников» в формате Excel (XLSX)' }).click();
    const download = await waiting;
    expect(download.suggestedFilename()).toMatch(/^participants-wastewater-nursultan-.+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Участники');
    expect(sheet.getCell('B1').value).toBe('ФИО');
    const column = sheet.getColumn(1).values.map(String);
    expect(column).toContain('По полу');
    expect(column).toContain('По странам');
  });
});
