import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { FormBrowser, textOf } from '../../../test/form-browser.js';
import { countUsers, findUserByEmail } from './repository.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

const admin = {
  displayName: 'Platform Administrator',
  email: 'root@usta.example.org',
  password: 'first run password',
  passwordRepeat: 'first run password',
  locale: 'en',
};

describe('first-run setup', () => {
  it('while there is no account, shows the form and re-renders it on a mistake', async () => {
    const b = new FormBrowser(ctx.app, { 'accept-language': 'ru' });
    const form = await b.get('/setup');
    expect(form.status).toBe(200);
    expect(textOf(form.html)).toContain('Учётных записей пока нет.');
    const wrong = await b.post('/setup', { ...admin, passwordRepeat: 'something else' });
    expect(wrong.status).toBe(400);
    expect(textOf(wrong.html)).toContain('Пароли не совпадают.');
    expect(wrong.html).toContain(`value="${admin.email}"`);
    expect(await countUsers(ctx.database.db)).toBe(0);
  });

  it('creates one platform administrator even when two people submit at once, signs in, and then is gone', async () => {
    const first = new FormBrowser(ctx.app);
    const second = new FormBrowser(ctx.app);
    await first.get('/setup');
    await second.get('/setup');
    const results = await Promise.all([
      first.post('/setup', admin),
      second.post('/setup', { ...admin, email: 'second@usta.example.org' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 404]);
    expect(await countUsers(ctx.database.db)).toBe(1);
    const [winner, winnerEmail] = results[0].status === 303 ? [first, admin.email] : [second, 'second@usta.example.org'];
    expect(await findUserByEmail(ctx.database.db, winnerEmail)).toMatchObject({ isPlatformAdmin: true });
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', cookies: winner.cookies });
    expect(me.json().user).toMatchObject({ email: winnerEmail, isPlatformAdmin: true });
    expect(results.find((r) => r.status === 303)!.location).toBe('/app');

    expect((await new FormBrowser(ctx.app).get('/setup')).status).toBe(404);
  });
});
