import fs from 'node:fs';
import net from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { chromium, type Browser as Chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedCertificateFields } from '../src/modules/credentials/certificate-fields.js';
import type { JsonObject } from '../src/modules/credentials/build-credential.js';
import { readPdfAttachments } from '../src/platform/pdf/attachments.js';
import { checkCertificatePdf, readCertificateText } from '../src/platform/pdf/visible-fields.js';
import { replaceHolderName } from './edit-certificate-pdf.js';
import { scanQrCode } from '../test/scan-qr.js';
import { axeViolations, CHROMIUM, CHROMIUM_FLAGS, signInAs, startServer, type TestServer } from './harness.js';

/**
 * A certificate's life, each person in their own browser: staff open a scheme that asks for a
 * diploma; an engineer signs up, applies and uploads it; an assessor ticks the checklist and
 * approves; staff issue the certificate; the engineer downloads the PDF. A visitor scans its QR
 * code and opens the address (also without script, in Russian) and sees it valid, check by check; staff revoke it; the page says revoked and why; a PDF with the holder's name edited is
 * caught, in the browser and by the server.
 */

const SCHEME = 'Water supply engineers (journey)';
const PREFIX = 'JRN-WSE';
const HOLDER = { name: 'Нодира Каримова', latin: 'Nodira Karimova', email: 'nodira.karimova@example.uz' };
const FORGED_NAME = 'Нодир Каримов';
const ASSESSOR = { name: 'Jānis Ozols', email: 'janis.ozols@example.lv' };
const PASSWORD = 'Kw9-journey-to-a-certificate';
const CHECKS = ['format', 'schema', 'signature', 'issuer', 'status', 'validity'];

let server: TestServer;
let chrome: Chromium;
const contexts: BrowserContext[] = [];
let staff: Page;
let engineer: Page;
let assessor: Page;
let visitor: Page;
/** Without JavaScript, in Russian: what the server alone renders. */
let plainVisitor: Page;

let applicationPath = '';
let certificateNumber = '';
let verifyUrl = '';
let downloaded: Uint8Array;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function newPage(options: { locale?: string; javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await chrome.newContext({ locale: options.locale ?? 'en-GB', javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  // The certificate's QR code carries the public address, so the server must know it before it starts.
  const port = await freePort();
  server = await startServer({ demo: true, env: { PORT: String(port), USTA_PUBLIC_URL: `http://127.0.0.1:${port}` } });
  expect(server.url).toBe(`http://127.0.0.1:${port}`);
  chrome = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  staff = await newPage();
  engineer = await newPage();
  assessor = await newPage();
  visitor = await newPage();
  plainVisitor = await newPage({ locale: 'ru-RU', javaScriptEnabled: false });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await chrome?.close();
  await server?.close();
});

const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const dialog = (page: Page) => page.getByRole('dialog');

async function signUp(page: Page, person: { name: string; email: string }): Promise<void> {
  await page.goto(`${server.url}/sign-up`);
  const form = page.locator('form:has(input[name="passwordRepeat"])');
  await form.locator('input[name="displayName"]').fill(person.name);
  await form.locator('input[name="email"]').fill(person.email);
  await form.locator('input[name="password"]').fill(PASSWORD);
  await form.locator('input[name="passwordRepeat"]').fill(PASSWORD);
  await form.locator('select[name="locale"]').selectOption('en');
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname.startsWith('/app'));
}

/** A JSON call with the page's own session, as the app makes it (CSRF header included). */
async function apiPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  const session = await page.request.get(`${server.url}/api/v1/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.post(`${server.url}/api/v1${path}`, { data: body, headers: { 'x-csrf-token': csrfToken } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

async function diplomaPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Diploma of Nodira Karimova, Tashkent Institute of Irrigation, 2015');
  return Buffer.from(await doc.save());
}

/** The check lines of a verification result, by name: whether each passed, and what it says. */
async function checkLines(page: Page, scope: string): Promise<Record<string, { ok: boolean; text: string }>> {
  const items = page.locator(`${scope} li[data-check]`);
  await items.first().waitFor();
  const lines: Record<string, { ok: boolean; text: string }> = {};
  for (const item of await items.all()) {
    // Without the ✓ or ✗, which screen readers skip too.
    const text = (await item.innerText()).replace(/^[✓✗] /, '');
    lines[(await item.getAttribute('data-check'))!] = { ok: (await item.getAttribute('data-ok')) === 'true', text };
  }
  return lines;
}

const failedChecks = (lines: Record<string, { ok: boolean }>) => Object.keys(lines).filter((name) => !lines[name]!.ok);

describe('a certificate from application to revocation', () => {
  it('staff open a scheme whose level asks for a diploma and five years of experience', async () => {
    await signInAs(staff, server);
    await staff.goto(`${server.url}/app/certification/schemes/new`);
    await expect.poll(() => heading(staff)).toBe('Add a scheme');
    await staff.locator('[id="field-name"]').fill(SCHEME);
    await staff.getByLabel('Certificate number prefix').fill(PREFIX);
    await staff.getByLabel('Status').selectOption('open');
    await staff.locator('[id="field-levels.0.name"]').fill('Engineer');
    await staff.getByRole('button', { name: 'Add a requirement' }).click();
    await staff.getByLabel('Kind').selectOption('document');
    await staff.getByLabel('Type of document').selectOption('diploma');
    await staff.getByRole('button', { name: 'Add a requirement' }).click();
    await staff.getByLabel('Kind').nth(1).selectOption('experience');
    await staff.getByLabel('Years of experience').fill('5');
    await staff.getByRole('button', { name: 'Save', exact: true }).click();
    await staff.waitForURL((url) => url.pathname === '/app/certification/schemes');
    await staff.getByText(SCHEME).first().waitFor();
  });

  it('an engineer signs up, applies, uploads the diploma and submits', async () => {
    await signUp(engineer, HOLDER);
    await engineer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Certification' }).click();
    await engineer.getByRole('link', { name: 'My applications' }).click();
    await expect.poll(() => heading(engineer)).toBe('My applications');
    await engineer.getByLabel('Scheme and level').selectOption({ label: `${SCHEME} — Engineer` });
    await engineer.getByLabel('Years of professional experience').fill('7');
    expect(await engineer.getByLabel('Your full name').inputValue()).toBe(HOLDER.name);
    await engineer.getByLabel('Your name in Latin letters').fill(HOLDER.latin);
    await engineer.getByRole('button', { name: 'Start the application' }).click();
    await engineer.waitForURL((url) => /^\/app\/certification\/applications\/[0-9a-f-]{36}$/.test(url.pathname));
    applicationPath = new URL(engineer.url()).pathname;
    await expect.poll(() => heading(engineer)).toBe('Application');

    const requirements = engineer.locator('ul.requirement-list > li');
    await expect.poll(() => requirements.count()).toBe(2);
    // Seven years are in the record already; the diploma is not.
    await expect.poll(() => requirements.filter({ hasText: 'Not met yet' }).count()).toBe(1);

    await engineer.getByLabel('Type of document').selectOption('diploma');
    await engineer.locator('#field-file').setInputFiles({ name: 'diploma.pdf', mimeType: 'application/pdf', buffer: await diplomaPdf() });
    await engineer.getByRole('button', { name: 'Upload', exact: true }).click();
    await engineer.getByRole('button', { name: 'Remove diploma.pdf' }).waitFor();
    await expect.poll(() => requirements.filter({ hasText: 'Met according to the records' }).count()).toBe(2);

    await engineer.getByRole('button', { name: 'Submit the application' }).click();
    await engineer.locator('.lead').getByText('Submitted').waitFor();
  });

  it('an assessor of the association ticks each requirement and approves', async () => {
    await signUp(assessor, ASSESSOR);
    const schemes = (await (await staff.request.get(`${server.url}/api/v1/schemes?status=open`)).json()) as { items: Array<{ associationId: string; name: { en?: string } }> };
    const scheme = schemes.items.find((s) => s.name.en === SCHEME)!;
    await apiPost(staff, `/associations/${scheme.associationId}/members`, { email: ASSESSOR.email, role: 'assessor' });

    await assessor.goto(`${server.url}/app/certification`);
    await assessor.getByRole('link', { name: 'Review queue' }).click();
    await expect.poll(() => heading(assessor)).toBe('Review queue');
    await assessor.getByRole('link', { name: HOLDER.name }).click();
    await assessor.waitForURL((url) => url.pathname === applicationPath);
    // The diploma the engineer uploaded is there to read.
    await assessor.getByRole('link', { name: 'diploma.pdf' }).waitFor();

    await assessor.getByRole('button', { name: 'Start the review' }).click();
    await assessor.locator('.lead').getByText('In review').waitFor();
    const requirements = assessor.locator('ul.requirement-list > li');
    for (let i = 0; i < 2; i++) {
      await requirements.nth(i).getByRole('button', { name: 'Met', exact: true }).click();
      await requirements.nth(i).getByText(`Ticked as met by ${ASSESSOR.name}`).waitFor();
    }

    await assessor.getByRole('button', { name: 'Approve', exact: true }).click();
    await dialog(assessor).getByRole('button', { name: 'Approve', exact: true }).click();
    await assessor.locator('.lead').getByText('Approved').waitFor();
    // Assessors decide; issuing is for staff.
    expect(await assessor.getByRole('button', { name: 'Issue the certificate' }).count()).toBe(0);
  });

  it('staff issue the certificate of the approved application', async () => {
    await staff.goto(`${server.url}${applicationPath}`);
    await staff.getByRole('button', { name: 'Issue the certificate' }).click();
    const issued = staff.getByRole('status').filter({ hasText: /^Certificate .+ issued\./ });
    await issued.waitFor();
    certificateNumber = /^Certificate (\S+) issued\./.exec(await issued.innerText())![1]!;
    expect(certificateNumber).toMatch(new RegExp(`^${PREFIX}-\\d{4}-\\d{6}$`));
  });

  it('the engineer downloads the PDF: their name in both scripts, the number, and the signed credential inside', async () => {
    await engineer.reload();
    await engineer.locator('dl.facts').getByText(certificateNumber).waitFor();
    expect(await axeViolations(engineer)).toEqual([]);
    const waiting = engineer.waitForEvent('download');
    await engineer.getByRole('link', { name: 'Certificate (PDF)' }).click();
    const download = await waiting;
    expect(download.suggestedFilename()).toBe(`${certificateNumber}.pdf`);
    downloaded = new Uint8Array(fs.readFileSync(await download.path()));
    expect(Buffer.from(downloaded.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const layer = await readCertificateText(downloaded);
    expect(layer.fields.filter((f) => f.field === 'holderName').map((f) => f.text)).toEqual([HOLDER.name]);
    expect(layer.fields.filter((f) => f.field === 'holderNameLatin').map((f) => f.text)).toEqual([HOLDER.latin]);
    expect(layer.fields.filter((f) => f.field === 'number').map((f) => f.text)).toEqual([certificateNumber]);

    const [attached] = await readPdfAttachments(downloaded);
    expect(attached?.name).toBe('credential.json');
    const credential = JSON.parse(new TextDecoder().decode(attached!.bytes)) as JsonObject;
    const expected = expectedCertificateFields(credential)!;
    expect(expected).toMatchObject({ number: certificateNumber, holderName: HOLDER.name, holderNameLatin: HOLDER.latin });
    expect((await checkCertificatePdf(downloaded, expected)).ok).toBe(true);

    // The QR code, read off the rendered page as a phone would, carries the address printed under it.
    const scanned = (await scanQrCode(downloaded)) ?? '';
    const code = new URL(scanned).searchParams.get('code') ?? '';
    expect(code).toMatch(/^\S{8,}$/);
    expect(scanned).toBe(`${server.url}/verify/${encodeURIComponent(certificateNumber)}?code=${encodeURIComponent(code)}`);
    expect(layer.text.join(' ')).toContain(scanned);
    verifyUrl = scanned;
  });

  it('a visitor scans the address and sees the certificate valid, with every check passed', async () => {
    await visitor.goto(verifyUrl);
    const verdict = visitor.locator('[data-verdict]');
    expect(await verdict.getAttribute('data-verdict')).toBe('valid');
    expect(await verdict.innerText()).toContain('Valid');
    const facts = await visitor.locator('dl.facts').innerText();
    for (const text of [HOLDER.name, HOLDER.latin, SCHEME, 'Engineer', certificateNumber, 'Active']) expect(facts).toContain(text);
    const lines = await checkLines(visitor, '#checks-heading + ul');
    expect(Object.keys(lines)).toEqual(CHECKS);
    for (const name of CHECKS) expect(lines[name], name).toMatchObject({ ok: true });
    expect(lines.signature!.text).toBe('Signature: passed — valid');
    expect(await axeViolations(visitor)).toEqual([]);
  });

  it('without JavaScript the page is the same answer, in the visitor’s language (Russian)', async () => {
    await plainVisitor.goto(verifyUrl);
    expect(await plainVisitor.evaluate(() => document.documentElement.lang)).toMatch(/^ru/);
    const verdict = plainVisitor.locator('[data-verdict]');
    expect(await verdict.getAttribute('data-verdict')).toBe('valid');
    expect(await verdict.innerText()).toContain('Действителен');
    expect(await plainVisitor.locator('dl.facts').innerText()).toContain('Владелец');
    const lines = await checkLines(plainVisitor, '#checks-heading + ul');
    expect(Object.keys(lines)).toEqual(CHECKS);
    for (const name of CHECKS) expect(lines[name], name).toMatchObject({ ok: true });
    expect(lines.signature!.text).toMatch(/^Подпись: пройдена — /);
  });

  it('staff revoke the certificate, naming the reason category', async () => {
    await staff.goto(`${server.url}/app/certification/certificates`);
    await staff.getByRole('searchbox', { name: 'Search by holder or number' }).fill(HOLDER.latin);
    await staff.waitForURL((url) => url.searchParams.get('q') === HOLDER.latin);
    const row = staff.getByRole('row').filter({ hasText: certificateNumber });
    await row.getByRole('button', { name: `Revoke ${certificateNumber}` }).click();
    await dialog(staff).getByLabel('Reason').selectOption('false_information');
    await dialog(staff).getByLabel('Explanation').fill('The diploma was not issued to the holder.');
    await dialog(staff).getByRole('button', { name: 'Revoke', exact: true }).click();
    await staff.getByText(`${certificateNumber} was revoked.`).waitFor();
    await expect.poll(() => row.getByRole('cell').nth(2).innerText()).toContain('Revoked');
  });

  it('the page now says revoked, with the category, in English and in Russian', async () => {
    await visitor.reload();
    const verdict = visitor.locator('[data-verdict]');
    expect(await verdict.getAttribute('data-verdict')).toBe('revoked');
    expect(words(await verdict.innerText())).toBe('Revoked The issuer has revoked this certificate. Reason: False information.');
    expect(await visitor.locator('dd[data-status]').innerText()).toBe('Revoked (False information)');
    const lines = await checkLines(visitor, '#checks-heading + ul');
    expect(lines.status).toMatchObject({ ok: false, text: 'Revocation and suspension: failed — REVOKED by the issuer' });
    expect(lines.signature).toMatchObject({ ok: true });

    await plainVisitor.reload();
    const plain = plainVisitor.locator('[data-verdict]');
    expect(await plain.getAttribute('data-verdict')).toBe('revoked');
    expect(words(await plain.innerText())).toBe('Отозван Издатель отозвал сертификат. Причина: Ложные сведения.');
  });

  it('a PDF with the holder’s name edited is rejected, naming what differs (in the browser and by the server)', async () => {
    const forged = await replaceHolderName(downloaded, HOLDER.name, FORGED_NAME);
    expect((await readCertificateText(forged)).fields.find((f) => f.field === 'holderName')?.text).toBe(FORGED_NAME);
    const file = { name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from(forged) };

    // With script the file is checked in the page and never leaves the device.
    await visitor.locator('#field-file').setInputFiles(file);
    await visitor.getByRole('button', { name: 'Check the file' }).click();
    const local = visitor.locator('#verify-local-result .verify-result');
    await local.waitFor();
    expect(await local.getAttribute('data-valid')).toBe('false');
    expect(await local.getByRole('status').innerText()).toContain('Not genuine: the file failed the checks marked below.');
    const inBrowser = await checkLines(visitor, '#verify-local-result');
    expect(inBrowser.holderName).toEqual({ ok: false, text: `Holder’s name on the page: failed — the page shows “${FORGED_NAME}” where the credential says “${HOLDER.name}”` });
    // Everything else on the page still matches; the signature is the issuer's. Only the revocation fails besides.
    expect(failedChecks(inBrowser)).toEqual(['status', 'holderName']);

    // Without script the form posts the file to the server, which says the same.
    await plainVisitor.locator('#field-file').setInputFiles(file);
    await plainVisitor.getByRole('button', { name: 'Проверить файл' }).click();
    await plainVisitor.waitForURL((url) => url.pathname === '/verify');
    const result = plainVisitor.locator('section.verify-result');
    expect(await result.getAttribute('data-valid')).toBe('false');
    const onServer = await checkLines(plainVisitor, 'section.verify-result');
    expect(onServer.holderName).toEqual({ ok: false, text: `Имя владельца на странице: не пройдена — на странице «${FORGED_NAME}», а в удостоверении «${HOLDER.name}»` });
    expect(failedChecks(onServer)).toEqual(['status', 'holderName']);
  });

  it('the PDF as downloaded fails only on its revocation', async () => {
    await visitor.goto(verifyUrl);
    await visitor.locator('#field-file').setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from(downloaded) });
    await visitor.getByRole('button', { name: 'Check the file' }).click();
    await visitor.locator('#verify-local-result .verify-result').waitFor();
    const lines = await checkLines(visitor, '#verify-local-result');
    const failed = Object.entries(lines).filter(([, line]) => !line.ok);
    expect(failed).toEqual([['status', { ok: false, text: 'Revocation and suspension: failed — REVOKED by the issuer' }]]);
  });
});
