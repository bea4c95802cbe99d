import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestContext } from '../../../test/app.js';
import { FormBrowser, textOf } from '../../../test/form-browser.js';
import { createUser } from './create-user.js';
import { findUserByEmail } from './repository.js';

let ctx: TestContext;
let ip = 0;
/** Each test comes from its own address, so rate limits of one test do not touch another. */
const browser = (headers: Record<string, string> = {}) =>
  new FormBrowser(ctx.app, { 'x-forwarded-for': `10.1.0.${++ip}`, ...headers });

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

describe('sign-in page', () => {
  it('signs in without JavaScript: session and language cookies, then on to `next`', async () => {
    await createUser(ctx.database.db, { email: 'gulnora@example.uz', displayName: 'Gulnora', password: TEST_PASSWORD, locale: 'uz' });
    const b = browser();
    const form = await b.get('/sign-in?next=/app/events');
    expect(form.status).toBe(200);
    expect(form.csrf).toBeTruthy();
    expect(form.html).toContain('name="next" value="/app/events"');
    const done = await b.post('/sign-in', { email: 'Gulnora@Example.uz', password: TEST_PASSWORD, next: '/app/events' });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/app/events');
    expect(b.cookies.usta_session).toBeTruthy();
    expect(b.cookies.usta_lang).toBe('uz');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', cookies: b.cookies });
    expect(me.json()).toMatchObject({ user: { email: 'gulnora@example.uz' } });
  });

  it('never redirects to another site', async () => {
    await createUser(ctx.database.db, { email: 'next@example.org', displayName: 'Next', password: TEST_PASSWORD });
    const b = browser();
    await b.get('/sign-in');
    const done = await b.post('/sign-in', { email: 'next@example.org', password: TEST_PASSWORD, next: '//evil.example/' });
    expect(done.location).toBe('/app');
  });

  it('refuses a form without the CSRF field', async () => {
    const b = browser();
    await b.get('/sign-in');
    const res = await b.post('/sign-in', { email: 'gulnora@example.uz', password: TEST_PASSWORD }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.html).toContain('<!doctype html>');
    expect(b.cookies.usta_session).toBeUndefined();
  });

  it('answers a wrong password with 401, the localised message and the e-mail kept', async () => {
    await createUser(ctx.database.db, { email: 'aigerim@example.kz', displayName: 'Айгерім', password: TEST_PASSWORD });
    const b = browser({ 'accept-language': 'kk' });
    await b.get('/sign-in');
    const res = await b.post('/sign-in', { email: 'aigerim@example.kz', password: 'not the password' });
    expect(res.status).toBe(401);
    expect(textOf(res.html)).toContain('E-mail немесе құпиясөз қате.');
    expect(res.html).toContain('value="aigerim@example.kz"');
    expect(res.html).not.toContain('not the password');
    expect(res.csrf).toBeTruthy();
    expect(b.cookies.usta_session).toBeUndefined();
  });

  it('names a missing e-mail next to the field', async () => {
    const b = browser({ 'accept-language': 'ru' });
    await b.get('/sign-in');
    const res = await b.post('/sign-in', { email: '', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.html).toContain('<p class="field-error" id="field-email-error">Обязательное поле.</p>');
    expect(res.html).toContain('aria-invalid="true"');
  });

  it('slows down password guessing from one address', async () => {
    const b = browser();
    await b.get('/sign-in');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await b.post('/sign-in', { email: 'nobody@example.org', password: 'guess' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('sign-up page', () => {
  const good = {
    displayName: 'Дилноза Рахимова',
    email: 'dilnoza@example.uz',
    password: TEST_PASSWORD,
    passwordRepeat: TEST_PASSWORD,
    locale: 'ru',
  };

  it('creates the account, signs in and goes to the app', async () => {
    const b = browser();
    const form = await b.get('/sign-up');
    expect(form.html).toContain('name="passwordRepeat"');
    const res = await b.post('/sign-up', good);
    expect(res.status).toBe(303);
    expect(res.location).toBe('/app');
    expect(b.cookies.usta_lang).toBe('ru');
    const user = await findUserByEmail(ctx.database.db, 'dilnoza@example.uz');
    expect(user).toMatchObject({ displayName: 'Дилноза Рахимова', locale: 'ru', isPlatformAdmin: false });
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', cookies: b.cookies });
    expect(me.json().user.id).toBe(user!.id);
  });

  it('names every problem at once, in the reader’s language, and keeps what was typed', async () => {
    const b = browser({ 'accept-language': 'lv' });
    await b.get('/sign-up');
    const res = await b.post('/sign-up', { displayName: 'Jānis Bērziņš', email: 'not-an-address', password: 'short', passwordRepeat: 'other', locale: 'lv' });
    expect(res.status).toBe(400);
    const text = textOf(res.html);
    expect(text).toContain('Daži lauki jāpārbauda.');
    expect(text).toContain('Izmantojiet vismaz 10 rakstzīmes.');
    expect(text).toContain('Paroles nesakrīt.');
    expect(res.html).toContain('id="field-email-error"');
    expect(res.html).toContain('value="Jānis Bērziņš"');
    expect(res.html).toContain('value="not-an-address"');
    expect(res.html).not.toContain('value="short"');
  });

  it('says when the e-mail is already taken', async () => {
    const b = browser();
    await b.get('/sign-up');
    const res = await b.post('/sign-up', { ...good, email: 'DILNOZA@example.uz' });
    expect(res.status).toBe(409);
    expect(res.html).toContain('id="field-email-error"');
    expect(textOf(res.html)).toContain('This value is already in use.');
  });

  it('has a JSON twin for scripts', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'x-forwarded-for': '10.1.1.1' },
      payload: { email: 'script@example.org', displayName: 'Script', password: TEST_PASSWORD, locale: 'en' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ user: { email: 'script@example.org', isPlatformAdmin: false }, memberships: [] });
    expect(res.json()).not.toHaveProperty('user.passwordHash');
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'x-forwarded-for': '10.1.1.1' },
      payload: { email: 'script@example.org', displayName: 'Script', password: TEST_PASSWORD, locale: 'en' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual({ email: 'This value is already in use.' });
  });
});

describe('sign-out', () => {
  it('is a form in the page header that ends the session', async () => {
    await createUser(ctx.database.db, { email: 'out@example.org', displayName: 'Out', password: TEST_PASSWORD });
    const b = browser();
    await b.get('/sign-in');
    await b.post('/sign-in', { email: 'out@example.org', password: TEST_PASSWORD });
    const session = { ...b.cookies };
    const page = await b.get('/forgot-password');
    expect(page.html).toMatch(/<form class="sign-out" action="\/sign-out" method="post"><input type="hidden" name="_csrf"/);
    const res = await b.post('/sign-out', {});
    expect(res.status).toBe(303);
    expect(res.location).toBe('/');
    expect(b.cookies.usta_session).toBeUndefined();
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', cookies: session });
    expect(me.statusCode).toBe(401);
  });
});
