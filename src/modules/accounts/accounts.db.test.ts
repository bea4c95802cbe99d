import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, TEST_PASSWORD, type TestContext } from '../../../test/app.js';
import { createUser } from './create-user.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

describe('session', () => {
  it('signs in with the right password and sets an HTTP-only SameSite cookie', async () => {
    const user = await createUser(ctx.database.db, { email: 'Dilnoza@Example.org', displayName: 'Dilnoza', password: TEST_PASSWORD });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'dilnoza@example.org', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: user.id, email: 'Dilnoza@Example.org' }, memberships: [] });
    const session = res.cookies.find((c) => c.name === 'usta_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).not.toHaveProperty('user.passwordHash');
  });

  it('refuses a wrong password with a localised message and no cookie', async () => {
    await createUser(ctx.database.db, { email: 'aibek@example.org', displayName: 'Aibek', password: TEST_PASSWORD });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'accept-language': 'kk' },
      payload: { email: 'aibek@example.org', password: 'wrong password' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'invalid_credentials', message: 'E-mail немесе құпиясөз қате.' } });
    expect(res.cookies.find((c) => c.name === 'usta_session')).toBeUndefined();
  });

  it('names every invalid field', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'not-an-email' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      email: 'Enter a valid e-mail address.',
      password: 'This field is required.',
    });
  });

  it('requires the CSRF token for state changes made with the session cookie', async () => {
    const agent = await signedInAgent(ctx);
    const without = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      cookies: agent.cookies,
      payload: { name: 'script' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf');
    const withToken = await agent.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'script' } });
    expect(withToken.statusCode).toBe(201);
  });

  it('signs out: the session no longer works', async () => {
    const agent = await signedInAgent(ctx);
    expect((await agent.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(200);
    expect((await agent.request({ method: 'DELETE', url: '/api/v1/session' })).statusCode).toBe(204);
    expect((await agent.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('act with the user’s rights until revoked, without CSRF', async () => {
    const association = await makeAssociation(ctx);
    const agent = await signedInAgent(ctx, { roles: [[association.id, 'staff']] });
    const created = await agent.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'nightly export' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json<{ token: string; id: string }>();
    expect(token).toMatch(/^usta_/);

    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: agent.userId }, memberships: [{ associationId: association.id, role: 'staff' }] });

    const viaToken = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'made by a script' },
    });
    expect(viaToken.statusCode).toBe(201);

    const list = await agent.request({ method: 'GET', url: '/api/v1/tokens' });
    expect(list.json().items.map((t: { name: string }) => t.name)).toEqual(['nightly export', 'made by a script']);
    expect(JSON.stringify(list.json())).not.toContain(token);
    // Recorded on first use, then at most once a minute: reads with a token do not each become a write.
    const lastUsed = () =>
      agent.request({ method: 'GET', url: '/api/v1/tokens' }).then((r) => r.json<{ items: Array<{ id: string; lastUsedAt: string | null }> }>().items.find((t) => t.id === id)!.lastUsedAt);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expect(await lastUsed()).toBe(first);

    expect((await agent.request({ method: 'DELETE', url: `/api/v1/tokens/${id}` })).statusCode).toBe(204);
    const after = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('cannot revoke another user’s token', async () => {
    const owner = await signedInAgent(ctx);
    const other = await signedInAgent(ctx);
    const { id } = (await owner.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'mine' } })).json<{ id: string }>();
    expect((await other.request({ method: 'DELETE', url: `/api/v1/tokens/${id}` })).statusCode).toBe(404);
  });

  it('need no CSRF token even for a form or multipart post, since a browser never sends them on its own', async () => {
    const agent = await signedInAgent(ctx);
    const { token } = (await agent.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'uploader' } })).json<{ token: string }>();
    const form = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=from+a+form',
    });
    expect(form.statusCode).toBe(201);
    const cookieForm = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      cookies: agent.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=forged',
    });
    expect(cookieForm.statusCode).toBe(403);
  });

  it('rejects an unknown bearer token', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: 'Bearer usta_forged' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('deny by default', () => {
  it('every route declares its access rule, and every API route a response schema', () => {
    const routes = ctx.app.routeSummaries;
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.filter((r) => !r.access)).toEqual([]);
    const api = routes.filter((r) => r.url.startsWith('/api/v1/') && r.documented && r.method !== 'HEAD');
    expect(api.filter((r) => !r.hasResponseSchema)).toEqual([]);
  });

  it('an app refuses to start with a route that declares no access rule', async () => {
    const { default: Fastify } = await import('fastify');
    const { default: cookie } = await import('@fastify/cookie');
    const { default: csrf } = await import('@fastify/csrf-protection');
    const { authPlugin } = await import('../../platform/auth/plugin.js');
    const { authResolvers } = await import('./resolve-auth.js');
    const app = Fastify();
    await app.register(cookie);
    await app.register(csrf);
    const { ChangeFeed } = await import('../../db/change-feed.js');
    await app.register(authPlugin, authResolvers(ctx.database.db, new ChangeFeed(ctx.database)));
    expect(() => app.get('/open', async () => 'x')).toThrow(/declares no access rule/);
    await app.close();
  });

  it('refuses a signed-in route to an anonymous caller, in the caller’s language', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { 'accept-language': 'lv' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: 'Lai turpinātu, piesakieties.' } });
  });
});
