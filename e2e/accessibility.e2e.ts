import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, signInAs, startServer, type Browser, type TestServer } from './harness.js';

/**
 * axe-core finds no serious or critical problem on the pages people meet first: the public home
 * page, sign-in, and the app's people list, person form, person page and import — each in the state
 * a user sees it, with data, errors and previews on screen; and once more in Russian.
 */

let server: TestServer;
let browser: Browser;
let page: Page;
let associationId: string;

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function apiPost<T>(path: string, body: unknown): Promise<T> {
  const session = await page.request.get(`${server.url}/api/v1/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.post(`${server.url}/api/v1${path}`, { data: body, headers: { 'x-csrf-token': csrfToken } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

async function heading(name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('no serious or critical accessibility violations', () => {
  it('on the public home page', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on the sign-in page', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.locator('input[name="password"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on the people list, with people in it', async () => {
    await signInAs(page, server);
    const associations = await page.request.get(`${server.url}/api/v1/associations`);
    associationId = ((await associations.json()) as { items: Array<{ id: string }> }).items[0]!.id;
    const employer = await apiPost<{ id: string }>('/organisations', { associationId, name: 'Toshkent shahar suv taʼminoti', kind: 'utility' });
    await apiPost('/people', {
      associationId,
      fullName: 'Дилноза Юлдашева',
      nameLatin: 'Dilnoza Yuldasheva',
      gender: 'female',
      sector: 'water_supply',
      city: 'Toshkent',
      employerId: employer.id,
    });
    await apiPost('/people', { associationId, fullName: 'Jānis Kalniņš', gender: 'male', sector: 'heat_supply', city: 'Rīga' });

    await page.goto(`${server.url}/app/people`);
    await heading('People');
    await page.getByRole('link', { name: 'Jānis Kalniņš' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on the person form, empty and with the errors the server sent back', async () => {
    await page.getByRole('link', { name: 'Add a person' }).click();
    await heading('New person');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('textbox', { name: 'E-mail' }).fill('not an address');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('textbox', { name: 'Full name' }).getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on a person’s page, with the merge confirmation open', async () => {
    await page.goto(`${server.url}/app/people?q=Yuldasheva`);
    await page.getByRole('link', { name: 'Дилноза Юлдашева' }).click();
    await heading('Дилноза Юлдашева');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('searchbox', { name: 'Find the duplicate by name' }).fill('Kalnins');
    await page.getByRole('button', { name: /Merge “Jānis Kalniņš”/ }).click();
    await page.getByRole('dialog', { name: 'Merge these records?' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });

  it('on the import page, before and after a file is checked', async () => {
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await heading('Import people');
    expect(await axeViolations(page)).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['Full name', 'E-mail']);
    sheet.addRow(['Aziz Karimov', 'aziz@example.org']);
    sheet.addRow(['', 'nobody@example.org']);
    await page.getByLabel('Spreadsheet file').setInputFiles({
      name: 'people.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByRole('table', { name: 'Rows with problems' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on the people list in Russian', async () => {
    await page.goto(`${server.url}/app/people`);
    await heading('People');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await heading('Люди');
    await page.getByRole('link', { name: 'Jānis Kalniņš' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru-RU');
    expect(await axeViolations(page)).toEqual([]);
  });
});
