import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecondApp, createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import { testBackend } from '../../../test/backend.js';
import type { App } from '../../app.js';
import { organisations, people } from './tables.js';

let ctx: TestContext;
let second: { app: App; close(): Promise<void> };
let staff: Agent;
let associationId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  second = await createSecondApp(ctx);
  associationId = (await makeAssociation(ctx)).id;
  staff = await signedInAgent(ctx, { roles: [[associationId, 'admin']] });
});
afterAll(async () => {
  await second.close();
  await ctx.close();
});

/** A notification travels through the database server: wait for it on the answer itself. */
const POLL = { timeout: 15_000, interval: 20 };

async function token(agent: Agent): Promise<string> {
  const res = await agent.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'sync' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ token: string }>().token;
}

function read(app: App, bearer: string, id: string) {
  return app.inject({ method: 'GET', url: `/api/v1/people/${id}`, headers: { authorization: `Bearer ${bearer}` } });
}

async function createPerson(payload: Record<string, unknown>): Promise<{ id: string }> {
  const res = await staff.request({ method: 'POST', url: '/api/v1/people', payload: { associationId, ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
}

describe(`people and credentials kept in memory (${testBackend()})`, () => {
  it('answer repeated reads from memory until the row changes, whoever changes it', async () => {
    const bearer = await token(staff);
    const person = await createPerson({ fullName: 'Дилноза Каримова', nameLatin: 'Dilnoza Karimova', city: 'Tashkent' });
    expect((await read(ctx.app, bearer, person.id)).json()).toMatchObject({ city: 'Tashkent' });

    // Kept: a value written behind the database's back, with its announcement turned off, is not read again.
    await ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table people disable trigger people_announce`);
      await tx.update(people).set({ position: 'Hidden' }).where(eq(people.id, person.id));
      await tx.execute(sql`alter table people enable trigger people_announce`);
    });
    expect((await read(ctx.app, bearer, person.id)).json()).not.toMatchObject({ position: 'Hidden' });

    // Through the API of this instance: read at once.
    const patched = await staff.request({ method: 'PATCH', url: `/api/v1/people/${person.id}`, payload: { city: 'Samarkand' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await read(ctx.app, bearer, person.id)).json()).toMatchObject({ city: 'Samarkand', position: 'Hidden' });

    // By any statement at all, e.g. an operator's SQL: every instance forgets what it kept.
    expect((await read(second.app, bearer, person.id)).json()).toMatchObject({ city: 'Samarkand' });
    await ctx.database.db.update(people).set({ city: 'Bukhara' }).where(eq(people.id, person.id));
    for (const app of [ctx.app, second.app]) {
      await expect.poll(async () => (await read(app, bearer, person.id)).json<{ city: string }>().city, POLL).toBe('Bukhara');
    }
  });

  it('show the employer’s new name and a merge as soon as they happen', async () => {
    const bearer = await token(staff);
    const employer = await staff.request({ method: 'POST', url: '/api/v1/organisations', payload: { associationId, name: 'Suvsoz' } });
    expect(employer.statusCode, employer.body).toBe(201);
    const employerId = employer.json<{ id: string }>().id;
    const kept = await createPerson({ fullName: 'Aigerim Nurlanova', employerId });
    const duplicate = await createPerson({ fullName: 'Айгерим Нурланова', phone: '+998 90 123 45 67' });
    expect((await read(second.app, bearer, kept.id)).json()).toMatchObject({ employerName: 'Suvsoz' });
    expect((await read(second.app, bearer, duplicate.id)).json()).toMatchObject({ id: duplicate.id });

    await ctx.database.db.update(organisations).set({ name: 'Suvsoz JSC' }).where(eq(organisations.id, employerId));
    await expect.poll(async () => (await read(second.app, bearer, kept.id)).json<{ employerName: string }>().employerName, POLL).toBe('Suvsoz JSC');

    const merged = await staff.request({ method: 'POST', url: `/api/v1/people/${kept.id}/merge`, payload: { duplicateId: duplicate.id } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await read(ctx.app, bearer, duplicate.id)).json()).toMatchObject({ id: kept.id, phone: '+998 90 123 45 67' });
    await expect.poll(async () => (await read(second.app, bearer, duplicate.id)).json<{ id: string }>().id, POLL).toBe(kept.id);
  });

  it('stop serving a revoked token, a removed role or a signed-out session on every instance', async () => {
    const engineer = await signedInAgent(ctx, { roles: [[associationId, 'staff']] });
    const bearer = await token(engineer);
    const person = await createPerson({ fullName: 'Sherzod Aliev' });
    for (const app of [ctx.app, second.app]) expect((await read(app, bearer, person.id)).statusCode).toBe(200);

    // The role goes: the person is out of sight (as if absent) here at once, there once notified.
    const removed = await staff.request({ method: 'DELETE', url: `/api/v1/associations/${associationId}/members/${engineer.userId}/roles/staff` });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await read(ctx.app, bearer, person.id)).statusCode).toBe(404);
    await expect.poll(async () => (await read(second.app, bearer, person.id)).statusCode, POLL).toBe(404);

    // The token goes.
    const tokens = (await engineer.request({ method: 'GET', url: '/api/v1/tokens' })).json<{ items: Array<{ id: string }> }>();
    const revoked = await engineer.request({ method: 'DELETE', url: `/api/v1/tokens/${tokens.items[0]!.id}` });
    expect(revoked.statusCode).toBe(204);
    expect((await read(ctx.app, bearer, person.id)).statusCode).toBe(401);
    await expect.poll(async () => (await read(second.app, bearer, person.id)).statusCode, POLL).toBe(401);

    // The session goes.
    const session = () => second.app.inject({ method: 'GET', url: '/api/v1/session', cookies: engineer.cookies });
    expect((await session()).statusCode).toBe(200);
    expect((await engineer.request({ method: 'DELETE', url: '/api/v1/session' })).statusCode).toBe(204);
    await expect.poll(async () => (await session()).statusCode, POLL).toBe(401);
  });
});
