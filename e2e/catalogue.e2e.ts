import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, signInAs, startServer, type Browser, type TestServer } from './harness.js';

/**
 * Staff keep the catalogue: add a course with its title in two languages, attach a handout (whose
 * type is read from its content), see it on the public page; then read the donor project's
 * acknowledgement language by language.
 */

/** A 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5dd5b6b0000000049454e44ae426082',
  'hex',
);

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

describe('the catalogue, for staff', () => {
  it('lists the demo courses and refuses a course without hours, naming the field', async () => {
    await page.goto(`${server.url}/app/catalogue`);
    await expect.poll(heading).toBe('Catalogue');
    await page.getByRole('link', { name: 'Green solutions for sustainable rainwater management' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Add a course' }).click();
    await expect.poll(heading).toBe('New course');
    await page.getByLabel('Title — English').fill('Water loss reduction');
    await page.getByRole('textbox', { name: 'Code', exact: true }).fill('ENG-NRW');
    await page.getByRole('textbox', { name: 'Hours', exact: true }).fill('0');
    await page.getByRole('button', { name: 'Save' }).click();
    const alert = page.locator('.form-errors');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Must be more than 0.');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('adds a course in two languages, attaches a handout and shows both on the public page', async () => {
    await page.getByRole('textbox', { name: 'Hours', exact: true }).fill('12');
    await page.getByRole('group', { name: 'Language of “Title”' }).getByRole('button', { name: /^Русский/ }).click();
    await page.getByLabel('Title — Русский').fill('Снижение потерь воды');
    await page.getByLabel('Status').selectOption('published');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(heading).toBe('Water loss reduction');
    await page.getByText('The course was added.').waitFor();

    await page.getByLabel('Title — English').fill('Leak map');
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'leak-map.pdf', mimeType: 'application/pdf', buffer: PNG });
    await page.getByLabel('Who may see it').selectOption('public');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText(/leak-map\.png/).waitFor();

    await page.getByRole('link', { name: 'Open the public page of this course' }).click();
    await page.waitForURL((url) => url.pathname === '/catalogue/acec-uz/eng-nrw');
    expect(await heading()).toBe('Water loss reduction');
    await page.getByRole('link', { name: 'Leak map' }).waitFor();
    expect(await page.locator('script').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/language/ru?next=/catalogue/acec-uz/eng-nrw`);
    expect(await heading()).toBe('Снижение потерь воды');
  });
});

describe('projects, for staff', () => {
  it('shows the EU project’s acknowledgement language by language, and its partners', async () => {
    await page.goto(`${server.url}/language/en?next=/app/projects`);
    await expect.poll(heading).toBe('Projects');
    await page.getByRole('link', { name: /^ENGINE/ }).click();
    await expect.poll(heading).toMatch(/^ENGINE/);
    const text = page.getByLabel('Acknowledgement of funding — English');
    expect(await text.inputValue()).toContain('financial support of the European Union');
    await page.getByRole('button', { name: /^Oʻzbekcha/ }).click();
    expect(await page.getByLabel('Acknowledgement of funding — Oʻzbekcha').inputValue()).toContain('Yevropa Ittifoqining moliyaviy koʻmagi');
    await page.getByText('Riga Technical University').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
