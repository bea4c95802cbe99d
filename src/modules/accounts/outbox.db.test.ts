import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, testMessages, type Agent, type TestContext } from '../../../test/app.js';
import { textOf } from '../../../test/form-browser.js';
import type { AssociationRow } from '../associations/repository.js';
import { enqueueMail } from '../../platform/mail/outbox.js';

let ctx: TestContext;
let a: AssociationRow;
let b: AssociationRow;
let platformAdmin: Agent;
let adminA: Agent;
let staffA: Agent;
let nobody: Agent;

interface Item {
  id: string;
  toAddress: string;
  associationId: string | null;
  createdAt: string;
}

beforeAll(async () => {
  ctx = await createTestApp();
  a = await makeAssociation(ctx);
  b = await makeAssociation(ctx);
  platformAdmin = await signedInAgent(ctx, { platformAdmin: true });
  adminA = await signedInAgent(ctx, { roles: [[a.id, 'admin']] });
  staffA = await signedInAgent(ctx, { roles: [[a.id, 'staff']] });
  nobody = await signedInAgent(ctx);
  const invite = (agent: Agent, association: AssociationRow, email: string) =>
    agent.request({ method: 'POST', url: `/api/v1/associations/${association.id}/members`, payload: { email, displayName: email, role: 'staff' } });
  expect((await invite(adminA, a, 'first@a.example.org')).statusCode).toBe(201);
  expect((await invite(platformAdmin, b, 'only@b.example.org')).statusCode).toBe(201);
  expect((await invite(adminA, a, 'second@a.example.org')).statusCode).toBe(201);
  const reset = await ctx.app.inject({ method: 'POST', url: '/api/v1/password-resets', payload: { email: nobody.email } });
  expect(reset.statusCode).toBe(202);
});
afterAll(async () => ctx.close());

const list = async (agent: Agent, query = '') => agent.request({ method: 'GET', url: `/api/v1/outbox${query}` });

describe('outbox API', () => {
  it('shows a platform administrator every mail, newest first', async () => {
    const res = await list(platformAdmin);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: Item[]; total: number; page: number; pageSize: number }>();
    expect(body).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    expect(body.items.map((m) => m.toAddress)).toEqual([nobody.email, 'second@a.example.org', 'only@b.example.org', 'first@a.example.org']);
    expect(body.items[0]).not.toHaveProperty('textBody');
  });

  it('shows an association administrator only their association’s mail', async () => {
    const body = (await list(adminA)).json<{ items: Item[]; total: number }>();
    expect(body.total).toBe(2);
    expect(body.items.map((m) => m.toAddress)).toEqual(['second@a.example.org', 'first@a.example.org']);
    expect(body.items.every((m) => m.associationId === a.id)).toBe(true);
  });

  it('refuses staff and people without a role, and asks strangers to sign in', async () => {
    expect((await list(staffA)).statusCode).toBe(403);
    expect((await list(nobody)).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/outbox' })).statusCode).toBe(401);
  });

  it('gives the full text of one mail, but not of another association’s', async () => {
    const items = (await list(platformAdmin)).json<{ items: Item[] }>().items;
    const ofB = items.find((m) => m.associationId === b.id)!;
    const ofA = items.find((m) => m.associationId === a.id)!;
    const one = await adminA.request({ method: 'GET', url: `/api/v1/outbox/${ofA.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json().textBody).toContain('/reset-password?token=');
    expect((await adminA.request({ method: 'GET', url: `/api/v1/outbox/${ofB.id}` })).statusCode).toBe(404);
    expect((await staffA.request({ method: 'GET', url: `/api/v1/outbox/${ofA.id}` })).statusCode).toBe(403);
  });

  it('pages', async () => {
    const body = (await list(platformAdmin, '?page=2&pageSize=3')).json<{ items: Item[]; total: number; page: number }>();
    expect(body).toMatchObject({ total: 4, page: 2 });
    expect(body.items.map((m) => m.toAddress)).toEqual(['first@a.example.org']);
  });
});

describe('outbox pages', () => {
  it('list mail with dates in the reader’s language and link to each mail', async () => {
    const res = await platformAdmin.request({ method: 'GET', url: '/admin/outbox?lang=ru' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const items = (await list(platformAdmin)).json<{ items: Item[] }>().items;
    const ru = testMessages().translator('ru');
    const text = textOf(res.body);
    expect(text).toContain('Исходящая почта');
    expect(text).toContain('Эта установка не отправляет почту');
    expect(text).toContain(ru.formatDateTime(items[0]!.createdAt));
    expect(text).toContain('4 письма');
    for (const item of items) expect(res.body).toContain(`href="/admin/outbox/${item.id}"`);
  });

  it('show one mail with its links clickable', async () => {
    const items = (await list(adminA)).json<{ items: Item[] }>().items;
    const res = await adminA.request({ method: 'GET', url: `/admin/outbox/${items[0]!.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<a href="http:\/\/localhost:3000\/reset-password\?token=[A-Za-z0-9_-]+">/);
  });

  it('keep other associations’ mail and other people out', async () => {
    const items = (await list(platformAdmin)).json<{ items: Item[] }>().items;
    const ofB = items.find((m) => m.associationId === b.id)!;
    expect((await adminA.request({ method: 'GET', url: `/admin/outbox/${ofB.id}` })).statusCode).toBe(404);
    const refused = await staffA.request({ method: 'GET', url: '/admin/outbox' });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('text/html');
    expect((await ctx.app.inject({ method: 'GET', url: '/admin/outbox' })).statusCode).toBe(401);
  });

  it('page through many mails', async () => {
    for (let i = 0; i < 50; i += 1) {
      await enqueueMail(ctx.database.db, testMessages(), {
        to: `bulk${i}@example.org`,
        locale: 'en',
        template: 'accounts.mail.password_reset',
        values: { name: 'Bulk', link: 'https://usta.example.org/x', hours: 1 },
      });
    }
    const first = await platformAdmin.request({ method: 'GET', url: '/admin/outbox' });
    expect(first.body.match(/href="\/admin\/outbox\/[0-9a-f-]{36}"/g)).toHaveLength(50);
    expect(textOf(first.body)).toContain('Page 1 of 2');
    expect(first.body).toContain('href="/admin/outbox?page=2"');
    const second = await platformAdmin.request({ method: 'GET', url: '/admin/outbox?page=2' });
    expect(second.body.match(/href="\/admin\/outbox\/[0-9a-f-]{36}"/g)).toHaveLength(4);
    expect(textOf(second.body)).toContain('first@a.example.org');
  });
});
