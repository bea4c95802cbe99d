import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecondApp, createTestApp, type TestContext } from '../../../test/app.js';
import type { App } from '../../app.js';
import { approvedApplication, certificationWorld, createScheme, type CertificationWorld, type SchemeBody } from '../certification/certification-test-data.js';
import { certificates } from '../certification/tables.js';

let ctx: TestContext;
let second: { app: App; close(): Promise<void> };
let uz: CertificationWorld;
let scheme: SchemeBody;

beforeAll(async () => {
  ctx = await createTestApp();
  second = await createSecondApp(ctx);
  uz = await certificationWorld(ctx, { country: 'UZ', defaultLocale: 'uz', timeZone: 'Asia/Tashkent' });
  scheme = await createScheme(uz);
});
afterAll(async () => {
  await second.close();
  await ctx.close();
});

interface Issued {
  id: string;
  number: string;
  verificationCode: string;
}

async function issueCertificate(): Promise<Issued> {
  const { id } = await approvedApplication(ctx, uz, scheme.levels[1]!.id, { fullName: 'Шерзод Алиев', nameLatin: 'Sherzod Aliev' });
  const issued = await uz.staff.request({ method: 'POST', url: `/api/v1/applications/${id}/certificate`, payload: {} });
  expect(issued.statusCode, issued.body).toBe(201);
  return issued.json<Issued>();
}

let visitor = 0;
function view(app: App, c: Issued, headers: Record<string, string> = {}) {
  visitor += 1;
  return app.inject({ method: 'GET', url: `/verify/${encodeURIComponent(c.number)}?code=${c.verificationCode}&lang=en`, headers: { 'x-forwarded-for': `10.95.${(visitor >> 8) & 255}.${visitor & 255}`, ...headers } });
}
const verdict = async (app: App, c: Issued) => /data-verdict="(\w+)"/.exec((await view(app, c)).body)?.[1];

/** Staff's status change, made through the given instance (session and CSRF token from the first one: both share the database). */
function change(app: App, c: Issued, action: 'suspend' | 'reinstate' | 'revoke') {
  const payload = action === 'reinstate' ? {} : { category: 'misconduct', reason: 'Complaint under review' };
  return app.inject({ method: 'POST', url: `/api/v1/certificates/${c.id}/${action}`, payload, cookies: uz.staff.cookies, headers: { 'x-csrf-token': uz.staff.csrfToken } });
}

/** A notification travels through the database server: wait for it on the page itself. */
const POLL = { timeout: 15_000, interval: 20 };

describe('kept verification pages across instances on one database', () => {
  it('are answered from memory, and show a status change at once in the instance that made it and, once notified, in the other', async () => {
    const certificate = await issueCertificate();
    expect(await verdict(ctx.app, certificate)).toBe('valid');
    expect(await verdict(second.app, certificate)).toBe('valid');

    // Kept: a change written behind the app's back (no notification) is not read on each view.
    await ctx.database.db.update(certificates).set({ holderNameLatin: 'Sherzod Aliyev' }).where(eq(certificates.id, certificate.id));
    expect((await view(ctx.app, certificate)).body).toContain('Sherzod Aliev');
    expect((await view(second.app, certificate)).body).toContain('Sherzod Aliev');

    // Suspended through the first instance: the first shows it on the very next view, read afresh.
    expect((await change(ctx.app, certificate, 'suspend')).statusCode).toBe(200);
    const suspended = await view(ctx.app, certificate);
    expect(suspended.body).toContain('data-verdict="suspended"');
    expect(suspended.body).toContain('Sherzod Aliyev');
    await expect.poll(() => verdict(second.app, certificate), POLL).toBe('suspended');

    // Reinstated through the second instance: the other way round.
    expect((await change(second.app, certificate, 'reinstate')).statusCode).toBe(200);
    expect(await verdict(second.app, certificate)).toBe('valid');
    await expect.poll(() => verdict(ctx.app, certificate), POLL).toBe('valid');

    expect((await change(ctx.app, certificate, 'revoke')).statusCode).toBe(200);
    expect(await verdict(ctx.app, certificate)).toBe('revoked');
    await expect.poll(() => verdict(second.app, certificate), POLL).toBe('revoked');
  });

  it('answers a revisit of an unchanged page with 304, sends it gzipped when asked, and sets no cookie for an anonymous visitor', async () => {
    const certificate = await issueCertificate();
    const first = await view(ctx.app, certificate);
    expect(first.statusCode).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.body).not.toContain('_csrf');
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const revisit = await view(ctx.app, certificate, { 'if-none-match': etag });
    expect(revisit.statusCode).toBe(304);
    expect(revisit.body).toBe('');
    const gzipped = await view(ctx.app, certificate, { 'accept-encoding': 'gzip, br' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(first.body);

    expect((await change(ctx.app, certificate, 'suspend')).statusCode).toBe(200);
    const changed = await view(ctx.app, certificate, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });
});
