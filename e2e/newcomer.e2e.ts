import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type Browser, type TestServer } from './harness.js';

/**
 * A newcomer's first visit: sign in from the app's address, switch the interface to Russian, add a
 * person written in Cyrillic, find them again by the Latin spelling, and import a spreadsheet with
 * one bad row.
 */

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A JSON call with the browser's own session, as the app makes it (CSRF header included). */
async function apiPost<T>(path: string, body: unknown): Promise<T> {
  const session = await page.request.get(`${server.url}/api/v1/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.post(`${server.url}/api/v1${path}`, { data: body, headers: { 'x-csrf-token': csrfToken } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Люди');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('a newcomer', () => {
  it('opens the app and is asked to sign in, then lands where they wanted to go', async () => {
    await page.goto(`${server.url}/app/people`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/app/people');

    const form = page.locator('form:has(input[name="password"])');
    await form.locator('input[name="email"]').fill(server.admin.email);
    await form.locator('input[name="password"]').fill(server.admin.password);
    await form.locator('button[type="submit"]').click();

    await page.waitForURL((url) => url.pathname === '/app/people');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('People');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts()).toEqual([
      'People',
      'Organisations',
      'Import',
      'Catalogue',
      'Projects',
      'Events',
      'Certification',
      'Registry',
      'Reports',
      'Engagement',
    ]);
  });

  it('switches the interface to Russian without reloading the page', async () => {
    // A full page load would forget this.
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');

    await page.getByRole('heading', { level: 1, name: 'Люди' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru-RU');
    expect(await page.getByRole('navigation', { name: 'Главное меню' }).getByRole('link').first().innerText()).toBe('Люди');
    expect(await page.getByRole('combobox', { name: 'Язык' }).inputValue()).toBe('ru');
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

    // The choice is kept: a fresh load of the app comes back in Russian.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Люди' }).waitFor();
  });

  it('adds a person written in Cyrillic', async () => {
    await page.getByRole('link', { name: 'Добавить человека' }).click();
    await page.getByRole('heading', { level: 1, name: 'Новый человек' }).waitFor();

    // A first attempt with a bad e-mail address is refused, with the reason next to the field.
    await page.getByRole('textbox', { name: 'Полное имя' }).fill('Дилноза Юлдашева');
    await page.getByRole('textbox', { name: 'Эл. почта' }).fill('dilnoza-at-example');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Эл. почта');
    const email = page.getByRole('textbox', { name: 'Эл. почта' });
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await email.getAttribute('aria-describedby')) ?? '';
    const fieldError = await page.locator(`[id="${errorId}"]`).innerText();
    expect(fieldError).toMatch(/[а-яё]/i);

    await email.fill('dilnoza.yuldasheva@example.org');
    await page.getByRole('combobox', { name: 'Страна' }).selectOption('UZ');
    await page.getByRole('button', { name: 'Сохранить' }).click();

    await page.getByRole('heading', { level: 1, name: 'Дилноза Юлдашева' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Человек добавлен.' }).waitFor();
    expect(await page.locator('dl.facts').innerText()).toContain('Узбекистан');
  });

  it('finds the person again by the Latin spelling of the name', async () => {
    const associations = await page.request.get(`${server.url}/api/v1/associations`);
    const [first] = ((await associations.json()) as { items: Array<{ id: string }> }).items;
    await apiPost('/people', { associationId: first!.id, fullName: 'Азиз Каримов' });

    await page.getByRole('link', { name: 'Все люди' }).click();
    await page.getByRole('table', { name: 'Люди' }).waitFor();
    const search = page.getByRole('searchbox', { name: 'Поиск по имени' });
    await search.fill('Aziz Karimov');
    await page.waitForURL((url) => url.searchParams.get('q') === 'Aziz Karimov');
    await page.getByRole('link', { name: 'Азиз Каримов' }).waitFor();

    await search.fill('Yuldasheva');
    await page.waitForURL((url) => url.searchParams.get('q') === 'Yuldasheva');
    await page.getByRole('link', { name: 'Азиз Каримов' }).waitFor({ state: 'detached' });

    const rows = page.getByRole('table', { name: 'Люди' }).getByRole('row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).getByRole('link').innerText()).toBe('Дилноза Юлдашева');
    expect(await page.getByRole('status').filter({ hasText: 'человек' }).innerText()).toBe('1 человек');
  });

  it('imports a spreadsheet and sees the bad row, with its number and a Russian message, before anything is saved', async () => {
    const file = await xlsx([
      ['ФИО', 'Эл. почта', 'Дата рождения'],
      ['Нурлан Сапаров', 'nurlan@example.org', '1979-07-15'],
      ['Laura Bērziņa', 'laura-at-example', '1988-12-01'],
      ['Олег Ким', 'oleg.kim@example.org', '1990-04-02'],
    ]);

    await page.getByRole('link', { name: 'Импорт', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Импорт людей' }).waitFor();
    await page.getByLabel('Файл таблицы').setInputFiles({
      name: 'новые-люди.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByRole('button', { name: 'Загрузить и проверить' }).click();

    const problems = page.getByRole('table', { name: 'Строки с ошибками' });
    await problems.waitFor();
    const cells = await problems.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
    expect(await problems.getByRole('row').count()).toBe(2);
    expect(cells[0]).toBe('3');
    expect(cells[1]).toMatch(/почта/i);
    const catalogue = (await (await page.request.get(`${server.url}/api/v1/i18n/ru`)).json()) as Record<string, string>;
    expect(cells[2]).toBe(catalogue['errors.field.email']);
    expect(cells[2]).toMatch(/[а-яё]/i);

    expect(await page.getByRole('button', { name: 'Импортировать всё' }).isDisabled()).toBe(true);

    // Nobody from the file exists until the import is confirmed.
    const before = await page.request.get(`${server.url}/api/v1/people?q=${encodeURIComponent('Сапаров')}`);
    expect(((await before.json()) as { total: number }).total).toBe(0);

    await page.getByRole('button', { name: 'Импортировать только 2 строки без ошибок' }).click();
    await page.getByRole('heading', { name: 'Импорт завершён' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Добавлено' }).innerText()).toBe('Добавлено 2 человека; пропущена 1 строка.');
    const progress = page.getByRole('progressbar', { name: 'Ход импорта' });
    expect(await progress.getAttribute('value')).toBe(await progress.getAttribute('max'));

    const after = await page.request.get(`${server.url}/api/v1/people?q=${encodeURIComponent('Сапаров')}`);
    expect(((await after.json()) as { total: number }).total).toBe(1);
  });
});
