import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, TEST_PASSWORD, type Agent, type TestContext } from '../../../test/app.js';
import { FormBrowser } from '../../../test/form-browser.js';
import type { AssociationRow } from '../associations/repository.js';
import { outbox } from '../../platform/mail/tables.js';
import { createUser } from './create-user.js';
import { findUserByEmail } from './repository.js';

let ctx: TestContext;
let a: AssociationRow;
let b: AssociationRow;
let platformAdmin: Agent;
let adminA: Agent;
let staffA: Agent;
let adminB: Agent;

beforeAll(async () => {
  ctx = await createTestApp({ USTA_PUBLIC_URL: 'https://usta.example.org' });
  a = await makeAssociation(ctx, { name: 'Oʻzbekiston muhandislar uyushmasi', defaultLocale: 'uz' });
  b = await makeAssociation(ctx, { name: 'Latvijas Inženieru savienība', country: 'LV', defaultLocale: 'lv' });
  platformAdmin = await signedInAgent(ctx, { platformAdmin: true });
  adminA = await signedInAgent(ctx, { roles: [[a.id, 'admin']] });
  staffA = await signedInAgent(ctx, { roles: [[a.id, 'staff']] });
  adminB = await signedInAgent(ctx, { roles: [[b.id, 'admin']] });
});
afterAll(async () => ctx.close());

const members = (agent: Agent, id: string) => agent.request({ method: 'GET', url: `/api/v1/associations/${id}/members` });

describe('listing members', () => {
  it('shows an association administrator the people of their association with their roles', async () => {
    const res = await members(adminA, a.id);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ userId: string; roles: string[]; invited: boolean }>;
    expect(items.map((m) => [m.userId, m.roles]).sort()).toEqual(
      [
        [adminA.userId, ['admin']],
        [staffA.userId, ['staff']],
      ].sort(),
    );
    expect(items.every((m) => m.invited === false)).toBe(true);
    expect(JSON.stringify(res.json())).not.toContain('passwordHash');
  });

  it('shows a platform administrator any association', async () => {
    expect((await members(platformAdmin, b.id)).json().items.map((m: { userId: string }) => m.userId)).toEqual([adminB.userId]);
  });

  it('refuses staff, even of the same association', async () => {
    expect((await members(staffA, a.id)).statusCode).toBe(403);
  });

  it('refuses staff and administrators of another association', async () => {
    expect((await members(staffA, b.id)).statusCode).toBe(403);
    expect((await members(adminA, b.id)).statusCode).toBe(403);
    expect((await members(adminB, a.id)).statusCode).toBe(403);
  });

  it('refuses anonymous callers and reports an unknown association to a platform administrator', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/associations/${a.id}/members` })).statusCode).toBe(401);
    expect((await members(platformAdmin, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('granting roles', () => {
  it('invites a new person: account without password, invitation mail in the association’s language, link that sets the password', async () => {
    const res = await adminA.request({
      method: 'POST',
      url: `/api/v1/associations/${a.id}/members`,
      payload: { email: 'Sardor@example.uz', displayName: 'Sardor Karimov', role: 'trainer' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'Sardor@example.uz', displayName: 'Sardor Karimov', roles: ['trainer'], invited: true });

    const [mail] = await ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, 'Sardor@example.uz'));
    expect(mail).toMatchObject({ template: 'accounts.mail.invitation', locale: 'uz', associationId: a.id });
    expect(mail!.subject).toBe('Oʻzbekiston muhandislar uyushmasi: Usta platformasidagi hisobingiz');
    expect(mail!.textBody).toContain('Rolingiz: oʻqituvchi.');
    expect(mail!.textBody).toContain('7 kun ichida');

    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail!.textBody)![1]!;
    const browser = new FormBrowser(ctx.app, { 'x-forwarded-for': '10.3.0.1' });
    expect((await browser.get(`/reset-password?token=${token}`)).status).toBe(200);
    const done = await browser.post('/reset-password', { token, password: 'my own password', passwordRepeat: 'my own password' });
    expect(done.status).toBe(303);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', cookies: browser.cookies });
    expect(me.json()).toMatchObject({ user: { email: 'Sardor@example.uz' }, memberships: [{ associationId: a.id, role: 'trainer' }] });
    const after = (await members(adminA, a.id)).json().items.find((m: { email: string }) => m.email === 'Sardor@example.uz');
    expect(after.invited).toBe(false);
  });

  it('adds a role to an existing account without a new account or mail', async () => {
    const existing = await createUser(ctx.database.db, { email: 'ilze@example.lv', displayName: 'Ilze', password: TEST_PASSWORD });
    const first = await adminB.request({ method: 'POST', url: `/api/v1/associations/${b.id}/members`, payload: { email: 'ILZE@example.lv', role: 'assessor' } });
    expect(first.statusCode).toBe(200);
    const second = await adminB.request({ method: 'POST', url: `/api/v1/associations/${b.id}/members`, payload: { email: 'ilze@example.lv', role: 'staff' } });
    expect(second.json()).toMatchObject({ userId: existing.id, roles: ['assessor', 'staff'], invited: false });
    expect(await ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, 'ilze@example.lv'))).toEqual([]);
  });

  it('needs a name for someone who has no account yet', async () => {
    const res = await adminA.request({ method: 'POST', url: `/api/v1/associations/${a.id}/members`, payload: { email: 'noname@example.uz', role: 'staff' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ displayName: 'This field is required.' });
    expect(await findUserByEmail(ctx.database.db, 'noname@example.uz')).toBeNull();
  });

  it('refuses staff and other associations’ administrators, and creates nothing', async () => {
    const payload = { email: 'intruder@example.org', displayName: 'Intruder', role: 'admin' };
    expect((await staffA.request({ method: 'POST', url: `/api/v1/associations/${a.id}/members`, payload })).statusCode).toBe(403);
    expect((await staffA.request({ method: 'POST', url: `/api/v1/associations/${b.id}/members`, payload })).statusCode).toBe(403);
    expect((await adminA.request({ method: 'POST', url: `/api/v1/associations/${b.id}/members`, payload })).statusCode).toBe(403);
    expect(await findUserByEmail(ctx.database.db, 'intruder@example.org')).toBeNull();
  });

  it('rejects an unknown role', async () => {
    const res = await adminA.request({ method: 'POST', url: `/api/v1/associations/${a.id}/members`, payload: { email: 'x@example.org', displayName: 'X', role: 'owner' } });
    expect(res.statusCode).toBe(400);
  });
});

describe('revoking roles', () => {
  it('takes one role away and leaves the others', async () => {
    const person = await createUser(ctx.database.db, { email: 'two.roles@example.uz', displayName: 'Two roles', password: TEST_PASSWORD });
    for (const role of ['staff', 'assessor']) {
      await platformAdmin.request({ method: 'POST', url: `/api/v1/associations/${a.id}/members`, payload: { email: person.email, role } });
    }
    const url = `/api/v1/associations/${a.id}/members/${person.id}/roles/staff`;
    expect((await staffA.request({ method: 'DELETE', url })).statusCode).toBe(403);
    expect((await adminB.request({ method: 'DELETE', url })).statusCode).toBe(403);
    expect((await adminA.request({ method: 'DELETE', url })).statusCode).toBe(204);
    expect((await adminA.request({ method: 'DELETE', url })).statusCode).toBe(404);
    const after = (await members(adminA, a.id)).json().items.find((m: { userId: string }) => m.userId === person.id);
    expect(after.roles).toEqual(['assessor']);
  });

  it('takes effect on the next request of the person who lost it', async () => {
    const url = `/api/v1/associations/${a.id}/members/${staffA.userId}/roles/staff`;
    const before = await staffA.request({ method: 'GET', url: '/api/v1/session' });
    expect(before.json().memberships).toEqual([{ associationId: a.id, role: 'staff' }]);
    expect((await adminA.request({ method: 'DELETE', url })).statusCode).toBe(204);
    const after = await staffA.request({ method: 'GET', url: '/api/v1/session' });
    expect(after.json().memberships).toEqual([]);
  });
});
