import { eq, sql } from 'drizzle-orm';
import { PDFArray, PDFDocument, PDFName, PDFStream, decodePDFRawStream, type PDFRawStream, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestContext } from '../../../test/app.js';
import { loadCertificateFonts } from '../../platform/pdf/font-face.js';
import { hex4 } from '../../platform/pdf/to-unicode.js';
import { approvedApplication, certificationWorld, createScheme, type CertificationWorld, type SchemeBody } from '../certification/certification-test-data.js';
import { loadCertificateCredential } from '../certification/certificate-credential.js';
import { certificates } from '../certification/tables.js';
import { issuerFor } from '../credentials/issuer.js';
import { verifyCredentialFile } from '../credentials/verify-file.js';
import { VerificationCache } from './verification-cache.js';
import { verifyCertificate } from './verify-certificate.js';
import { ownCredentialSources } from './verify-upload.js';
import { nodePdfReader } from '../credentials/node-pdf-reader.js';

let ctx: TestContext;
let uz: CertificationWorld;
let scheme: SchemeBody;

interface Issued {
  id: string;
  number: string;
  verificationCode: string;
  holder: { personId: string };
  validUntil: string;
}

beforeAll(async () => {
  ctx = await createTestApp();
  uz = await certificationWorld(ctx, { country: 'UZ', defaultLocale: 'uz', timeZone: 'Asia/Tashkent' });
  scheme = await createScheme(uz);
});
afterAll(async () => ctx.close());

let visitor = 0;
/** Each request from its own address, as visitors scanning codes are: the rate limit is not under test here. */
function get(url: string, headers: Record<string, string> = {}) {
  visitor += 1;
  return ctx.app.inject({ method: 'GET', url, headers: { 'x-forwarded-for': `10.99.${(visitor >> 8) & 255}.${visitor & 255}`, ...headers } });
}

async function issueCertificate(fullName = 'Шерзод Алиев', nameLatin = 'Sherzod Aliev'): Promise<Issued & { engineer: Agent }> {
  const { engineer, id } = await approvedApplication(ctx, uz, scheme.levels[1]!.id, { fullName, nameLatin });
  const issued = await uz.staff.request({ method: 'POST', url: `/api/v1/applications/${id}/certificate`, payload: {} });
  expect(issued.statusCode, issued.body).toBe(201);
  return { ...issued.json<Issued>(), engineer };
}

const pageOf = (c: Pick<Issued, 'number' | 'verificationCode'>, lang = 'en') => get(`/verify/${encodeURIComponent(c.number)}?code=${c.verificationCode}&lang=${lang}`);
const checkLine = (html: string, name: string) => new RegExp(`data-check="${name}" data-ok="(true|false)"`).exec(html)?.[1];

/** A public form post as a browser without script sends it: the file alone (the form carries no CSRF token, decision 017). */
async function upload(fileName: string, bytes: Uint8Array, contentType: string) {
  const boundary = '----usta-verify-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  visitor += 1;
  return ctx.app.inject({
    method: 'POST',
    url: '/verify?lang=en',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-forwarded-for': `10.98.0.${visitor & 255}` },
  });
}

/** Rewrites the drawn glyphs of `from` as those of `to` in the page's content: the visible text changes, nothing else. */
async function editInPlace(pdf: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const { bold } = await loadCertificateFonts();
  const glyphs = (text: string) => [...text].map((char) => hex4(bold.glyphIdOf.get(char.codePointAt(0) ?? 0) ?? 0)).join('');
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPage(0);
  const contents = page.node.get(PDFName.of('Contents'));
  const ref = (contents instanceof PDFArray ? contents.get(0) : contents) as PDFRef;
  const stream = doc.context.lookup(ref, PDFStream) as PDFRawStream;
  const content = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  expect(content).toContain(`<${glyphs(from)}>`);
  doc.context.assign(ref, doc.context.flateStream(content.replace(`<${glyphs(from)}>`, `<${glyphs(to)}>`)));
  return doc.save();
}

describe('the public verification page', () => {
  it('shows an active certificate as valid, with its facts, dates in the visitor’s language and each check passed', async () => {
    const certificate = await issueCertificate();
    const page = await pageOf(certificate);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('data-verdict="valid"');
    expect(page.body).toContain('Шерзод Алиев');
    expect(page.body).toContain('Sherzod Aliev');
    expect(page.body).toContain(certificate.number);
    for (const check of ['signature', 'issuer', 'status', 'validity']) expect(checkLine(page.body, check), check).toBe('true');
    const until = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(certificate.validUntil));
    expect(page.body).toContain(until);
    // An anonymous visitor gets the same kept page: no CSRF token, no cookie.
    const again = await pageOf(certificate);
    expect(again.body).toBe(page.body);
    expect(page.body).not.toContain('_csrf');
    expect(page.headers['set-cookie']).toBeUndefined();
    // A signed-in visitor's header has a sign-out form: their own token goes in, never the placeholder.
    const signedIn = await certificate.engineer.request({ method: 'GET', url: `/verify/${encodeURIComponent(certificate.number)}?code=${certificate.verificationCode}&lang=en` });
    const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    expect(tokenOf(signedIn.body)).toBeTruthy();
    expect(signedIn.body).not.toContain('placeholder');
    expect(signedIn.body).toContain('data-verdict="valid"');

    const russian = await pageOf(certificate, 'ru');
    expect(russian.body).toContain('Действителен');
    expect(russian.body).toContain(new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(certificate.validUntil)));
    expect((await pageOf(certificate, 'uz')).body).toContain('Haqiqiy');
    // Codes are printed in capitals; typed in small letters they still open the page.
    expect((await get(`/verify/${certificate.number}?code=${certificate.verificationCode.toLowerCase()}`)).statusCode).toBe(200);
  });

  it('answers an unknown number, a wrong code and a missing code with the same 404 page', async () => {
    const certificate = await issueCertificate();
    const wrongCode = await get(`/verify/${certificate.number}?code=AAAAAAAAAAAAAAAAAAAAAAAA`);
    const noCode = await get(`/verify/${certificate.number}`);
    const unknown = await get(`/verify/UZ-NONE-2026-999999?code=${certificate.verificationCode}`);
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]+"/, '').replaceAll(certificate.number, 'N').replaceAll('UZ-NONE-2026-999999', 'N');
    for (const res of [wrongCode, noCode, unknown]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Шерзод');
      expect(strip(res.body)).toBe(strip(unknown.body));
    }
    for (const suffix of ['credential.json', 'credential.jwt', 'certificate.pdf']) {
      expect((await get(`/verify/${certificate.number}/${suffix}?code=AAAAAAAAAAAAAAAAAAAAAAAA`)).statusCode).toBe(404);
      expect((await get(`/verify/${certificate.number}/${suffix}`)).statusCode).toBe(404);
      expect((await get(`/verify/UZ-NONE-2026-999999/${suffix}?code=${certificate.verificationCode}`)).statusCode).toBe(404);
    }
  });

  it('shows revoked at once after staff revoke, with the reason category and never the staff’s own words', async () => {
    const certificate = await issueCertificate();
    expect((await pageOf(certificate)).body).toContain('data-verdict="valid"');
    const revoked = await uz.staff.request({
      method: 'POST',
      url: `/api/v1/certificates/${certificate.id}/revoke`,
      payload: { category: 'false_information', reason: 'Forged diploma from Samarkand' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const page = await pageOf(certificate);
    expect(page.body).toContain('data-verdict="revoked"');
    expect(page.body).toContain('False information');
    expect(page.body).not.toContain('Forged diploma');
    expect(checkLine(page.body, 'status')).toBe('false');
    expect(page.body).toContain('REVOKED by the issuer');
    expect(checkLine(page.body, 'signature')).toBe('true');
  });

  it('shows suspended with its reason category, and valid again once reinstated', async () => {
    const certificate = await issueCertificate();
    await pageOf(certificate);
    const suspended = await uz.staff.request({ method: 'POST', url: `/api/v1/certificates/${certificate.id}/suspend`, payload: { category: 'misconduct', reason: 'Complaint under review' } });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const page = await pageOf(certificate, 'lv');
    expect(page.body).toContain('data-verdict="suspended"');
    expect(page.body).toContain('Apturēts');
    expect(page.body).not.toContain('Complaint under review');
    expect(checkLine(page.body, 'status')).toBe('false');
    const reinstated = await uz.staff.request({ method: 'POST', url: `/api/v1/certificates/${certificate.id}/reinstate`, payload: {} });
    expect(reinstated.statusCode, reinstated.body).toBe(200);
    expect((await pageOf(certificate)).body).toContain('data-verdict="valid"');
  });

  it('shows an expired certificate as expired, and its credential fails the validity check after its last day', async () => {
    const certificate = await issueCertificate();
    const deps = { db: ctx.database.db, issuer: issuerFor(ctx), loadCredential: loadCertificateCredential, cache: new VerificationCache() };
    const later = new Date(Date.parse(`${certificate.validUntil}T00:00:00Z`) + 3 * 86_400_000);
    const verification = await verifyCertificate(deps, certificate.number, certificate.verificationCode, later);
    expect(verification?.result?.checks.find((c) => c.name === 'validity')).toMatchObject({ ok: false, code: 'expired' });
    expect(verification?.valid).toBe(false);
    // A cached result does not carry the validity period over to another day.
    const today = await verifyCertificate(deps, certificate.number, certificate.verificationCode);
    expect(today?.result?.checks.find((c) => c.name === 'validity')?.ok).toBe(true);

    await ctx.database.db
      .update(certificates)
      .set({ issuedOn: sql`current_date - 1200`, validUntil: sql`current_date - 10` })
      .where(eq(certificates.id, certificate.id));
    const page = await pageOf(certificate);
    expect(page.body).toContain('data-verdict="expired"');
    expect(page.body).toContain('data-status="expired"');
  });
});

describe('downloads and uploads', () => {
  it('serves the signed credential as JSON and JWT and the PDF; each verifies when uploaded', async () => {
    const certificate = await issueCertificate('Gulnora Karimova', 'Gulnora Karimova');
    const code = `?code=${certificate.verificationCode}`;
    const json = await get(`/verify/${certificate.number}/credential.json${code}`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect((await get(`/verify/${certificate.number}/credential.json${code}`, { accept: 'application/json' })).headers['content-type']).toMatch(/^application\/json/);
    expect(json.json().credentialSubject.licenseNumber).toBe(certificate.number);
    const jwt = await get(`/verify/${certificate.number}/credential.jwt${code}`);
    expect(jwt.headers['content-type']).toMatch(/^application\/vc\+jwt/);
    expect(jwt.body.split('.')).toHaveLength(3);
    const pdf = await get(`/verify/${certificate.number}/certificate.pdf${code}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const sources = ownCredentialSources(issuerFor(ctx));
    for (const bytes of [json.rawPayload, jwt.rawPayload, pdf.rawPayload]) {
      const result = await verifyCredentialFile(new Uint8Array(bytes), { sources, pdf: nodePdfReader });
      expect(result.result.checks.filter((c) => !c.ok)).toEqual([]);
      expect(result.valid).toBe(true);
    }
    for (const [name, bytes, type] of [
      ['certificate.pdf', pdf.rawPayload, 'application/pdf'],
      ['credential.json', json.rawPayload, 'application/json'],
      ['credential.jwt', jwt.rawPayload, 'application/jwt'],
    ] as const) {
      const res = await upload(name, bytes, type);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body, name).toContain('data-valid="true"');
      expect(res.body).toContain('Genuine: the file passed every check.');
    }
  });

  it('rejects an edited PDF and names the text that no longer matches the credential', async () => {
    const certificate = await issueCertificate('Gulnora Karimova', 'Gulnora Karimova');
    const pdf = await get(`/verify/${certificate.number}/certificate.pdf?code=${certificate.verificationCode}`);
    const serial = certificate.number.slice(-6);
    const forged = `${certificate.number.slice(0, -6)}${[...serial].reverse().join('')}`;
    expect(forged).not.toBe(certificate.number);
    const edited = await editInPlace(new Uint8Array(pdf.rawPayload), certificate.number, forged);
    const res = await upload('certificate.pdf', edited, 'application/pdf');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-valid="false"');
    expect(checkLine(res.body, 'number')).toBe('false');
    expect(res.body).toContain(`the page shows “${forged}” where the credential says “${certificate.number}”`);
    // The credential inside is untouched: its own checks pass, only the page is wrong.
    expect(checkLine(res.body, 'signature')).toBe('true');
  });

  it('rejects a tampered credential JSON as failing the signature; the read-only upload needs no CSRF token, other form posts still do', async () => {
    const certificate = await issueCertificate();
    const stored = (await loadCertificateCredential(ctx.database.db, certificate.id))!;
    const tampered = { ...stored.credential, validUntil: '2199-01-01T00:00:00Z' };
    const res = await upload('credential.json', Buffer.from(JSON.stringify(tampered)), 'application/json');
    expect(res.body).toContain('data-valid="false"');
    expect(checkLine(res.body, 'signature')).toBe('false');
    expect(res.body).toContain('the signature does not match the content');

    const boundary = 'x';
    const bare = await ctx.app.inject({
      method: 'POST',
      url: '/verify',
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\nContent-Type: application/json\r\n\r\n{}\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-forwarded-for': '10.97.0.1' },
    });
    expect(bare.statusCode).toBe(200);
    expect(bare.body).toContain('data-valid="false"');
    const signOut = await ctx.app.inject({ method: 'POST', url: '/sign-out', payload: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.97.0.2' } });
    expect(signOut.statusCode).toBe(403);
  });

  it('refuses a file over the limit', async () => {
    const res = await upload('big.json', new Uint8Array(3 * 1024 * 1024).fill(32), 'application/json');
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('larger than 2 MB');
  });

  it('rate-limits the public addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const res = await ctx.app.inject({ method: 'GET', url: '/verify/UZ-NONE-2026-000001?code=X', headers: { 'x-forwarded-for': '10.96.0.1' } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});
