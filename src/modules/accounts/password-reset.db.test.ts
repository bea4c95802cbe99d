import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAgent, TEST_PASSWORD, type TestContext } from '../../../test/app.js';
import { FormBrowser, textOf } from '../../../test/form-browser.js';
import { outbox } from '../../platform/mail/tables.js';
import { createUser } from './create-user.js';
import { passwordResets } from './tables.js';

let ctx: TestContext;
let ip = 0;
const browser = (headers: Record<string, string> = {}) =>
  new FormBrowser(ctx.app, { 'x-forwarded-for': `10.2.0.${++ip}`, ...headers });

beforeAll(async () => {
  ctx = await createTestApp({ USTA_PUBLIC_URL: 'https://usta.example.org' });
});
afterAll(async () => ctx.close());

async function mailsTo(address: string) {
  return ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, address)).orderBy(desc(outbox.createdAt));
}

function linkIn(text: string): string {
  const match = /https:\/\/usta\.example\.org\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return match[0];
}

describe('forgotten password', () => {
  it('queues a mail in the account’s language with a single-use link, stored only as a hash', async () => {
    const user = await createUser(ctx.database.db, { email: 'Rustam@example.uz', displayName: 'Rustam', password: TEST_PASSWORD, locale: 'ru' });
    const b = browser({ 'accept-language': 'en' });
    await b.get('/forgot-password');
    const res = await b.post('/forgot-password', { email: 'rustam@example.uz' });
    expect(res.status).toBe(200);
    expect(textOf(res.html)).toContain('If an account with this address exists');

    const [mail] = await mailsTo('Rustam@example.uz');
    expect(mail).toMatchObject({ template: 'accounts.mail.password_reset', locale: 'ru', status: 'queued', subject: 'Новый пароль для Usta' });
    expect(mail!.textBody).toContain('Здравствуйте, Rustam!');
    expect(mail!.textBody).toContain('в течение 1 часа');
    const link = linkIn(mail!.textBody);
    const token = new URL(link).searchParams.get('token')!;

    const resets = await ctx.database.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(resets).toHaveLength(1);
    expect(resets[0]!.tokenHash).not.toBe(token);
    const validFor = resets[0]!.expiresAt.getTime() - resets[0]!.createdAt.getTime();
    expect(Math.round(validFor / 60_000)).toBe(60);
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const b = browser();
    await b.get('/forgot-password');
    const unknown = await b.post('/forgot-password', { email: 'nobody@example.org' });
    await createUser(ctx.database.db, { email: 'known@example.org', displayName: 'Known', password: TEST_PASSWORD });
    await b.get('/forgot-password');
    const known = await b.post('/forgot-password', { email: 'known@example.org' });
    const strip = (html: string) => textOf(html).replace(/_csrf\S*/g, '');
    expect(unknown.status).toBe(known.status);
    expect(strip(unknown.html)).toBe(strip(known.html));
    expect(await mailsTo('nobody@example.org')).toEqual([]);
  });

  it('is limited to a few requests per address', async () => {
    const b = browser();
    await b.get('/forgot-password');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await b.post('/forgot-password', { email: `x${i}@example.org` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe('reset link', () => {
  it('sets the new password, ends every old session, signs in, and works only once', async () => {
    const user = await createUser(ctx.database.db, { email: 'madina@example.kz', displayName: 'Мадина', password: TEST_PASSWORD, locale: 'kk' });
    const oldSession = await signInAgent(ctx, 'madina@example.kz', user.id);
    expect((await oldSession.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(200);

    const b = browser();
    await b.get('/forgot-password');
    await b.post('/forgot-password', { email: 'madina@example.kz' });
    const [mail] = await mailsTo('madina@example.kz');
    expect(mail!.textBody).toContain('Сәлеметсіз бе, Мадина!');
    const link = linkIn(mail!.textBody);
    const path = link.replace('https://usta.example.org', '');

    const form = await b.get(path);
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="token"');
    const mismatch = await b.post('/reset-password', {
      token: new URL(link).searchParams.get('token')!,
      password: 'a brand new secret',
      passwordRepeat: 'something else entirely',
    });
    expect(mismatch.status).toBe(400);
    expect(textOf(mismatch.html)).toContain('The passwords do not match.');
    expect(mismatch.html).toContain('name="token"');

    const done = await b.post('/reset-password', {
      token: new URL(link).searchParams.get('token')!,
      password: 'a brand new secret',
      passwordRepeat: 'a brand new secret',
    });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/app');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', cookies: b.cookies });
    expect(me.json().user.id).toBe(user.id);

    expect((await oldSession.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
    const oldPassword = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'x-forwarded-for': '10.2.9.1' },
      payload: { email: 'madina@example.kz', password: TEST_PASSWORD },
    });
    expect(oldPassword.statusCode).toBe(401);
    const newPassword = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'x-forwarded-for': '10.2.9.1' },
      payload: { email: 'madina@example.kz', password: 'a brand new secret' },
    });
    expect(newPassword.statusCode).toBe(200);

    const again = await browser({ 'accept-language': 'lv' }).get(path);
    expect(again.status).toBe(400);
    expect(textOf(again.html)).toContain('Saite nav derīga vai tai beidzies termiņš.');
    expect(again.html).not.toContain('name="token"');
    expect(again.html).toContain('href="/forgot-password"');
  });

  it('refuses an expired link', async () => {
    const user = await createUser(ctx.database.db, { email: 'late@example.org', displayName: 'Late', password: TEST_PASSWORD });
    const b = browser();
    await b.get('/forgot-password');
    await b.post('/forgot-password', { email: 'late@example.org' });
    const link = linkIn((await mailsTo('late@example.org'))[0]!.textBody);
    await ctx.database.db
      .update(passwordResets)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordResets.userId, user.id));
    const page = await b.get(link.replace('https://usta.example.org', ''));
    expect(page.status).toBe(400);
    const post = await b.post('/reset-password', {
      token: new URL(link).searchParams.get('token')!,
      password: 'a brand new secret',
      passwordRepeat: 'a brand new secret',
    });
    expect(post.status).toBe(400);
    expect(textOf(post.html)).toContain('This link is invalid or has expired.');
    expect(b.cookies.usta_session).toBeUndefined();
  });

  it('refuses a made-up token', async () => {
    const page = await browser().get('/reset-password?token=made-up');
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain('This link is invalid or has expired.');
  });
});

describe('JSON twins', () => {
  it('accept a request with 202 whether or not the account exists, and confirm with 204', async () => {
    const user = await createUser(ctx.database.db, { email: 'api@example.org', displayName: 'API', password: TEST_PASSWORD });
    const session = await signInAgent(ctx, 'api@example.org', user.id);
    const headers = { 'x-forwarded-for': '10.2.8.1' };
    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/v1/password-resets', headers, payload: { email: 'ghost@example.org' } });
    const known = await ctx.app.inject({ method: 'POST', url: '/api/v1/password-resets', headers, payload: { email: 'api@example.org' } });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());

    const token = new URL(linkIn((await mailsTo('api@example.org'))[0]!.textBody)).searchParams.get('token')!;
    const weak = await ctx.app.inject({ method: 'POST', url: '/api/v1/password-resets/confirm', headers, payload: { token, password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toEqual({ password: 'Must be at least 10 characters.' });

    const ok = await ctx.app.inject({ method: 'POST', url: '/api/v1/password-resets/confirm', headers, payload: { token, password: 'set by a script' } });
    expect(ok.statusCode).toBe(204);
    expect((await session.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
    const reused = await ctx.app.inject({ method: 'POST', url: '/api/v1/password-resets/confirm', headers, payload: { token, password: 'set by a script' } });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('invalid_token');
  });

  it('lets only one of two simultaneous uses of a link succeed', async () => {
    await createUser(ctx.database.db, { email: 'race@example.org', displayName: 'Race', password: TEST_PASSWORD });
    const headers = { 'x-forwarded-for': '10.2.8.2' };
    await ctx.app.inject({ method: 'POST', url: '/api/v1/password-resets', headers, payload: { email: 'race@example.org' } });
    const token = new URL(linkIn((await mailsTo('race@example.org'))[0]!.textBody)).searchParams.get('token')!;
    const confirm = (password: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/password-resets/confirm', headers, payload: { token, password } });
    const results = await Promise.all([confirm('first racer password'), confirm('second racer password')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([204, 400]);
  });
});
