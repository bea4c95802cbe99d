import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import type { AssociationRow } from '../associations/repository.js';
import { seedPricedSession } from './invoice-test-data.js';
import { invoices, registrations } from './tables.js';

/** Invoices issued by the registration module where it confirms a seat: on registering, and on promotion from the waitlist. */

let ctx: TestContext;
let association: AssociationRow;
let staff: Agent;
let ip = 0;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestApp();
  association = await makeAssociation(ctx, { shortName: 'KWSA', country: 'KZ', timeZone: 'Asia/Almaty' });
  staff = await signedInAgent(ctx, { roles: [[association.id, 'staff']] });
});
afterAll(async () => ctx.close());

function register(sessionId: string, n: number, locale = 'kk') {
  ip += 1;
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/sessions/${sessionId}/registrations`,
    headers: { 'x-forwarded-for': `10.9.${(ip >> 8) & 255}.${ip & 255}` },
    payload: { privacyConsent: true, fullName: `Қатысушы ${n}`, email: `payer${n}.${Date.now()}@example.kz`, gender: 'female', country: 'KZ', locale },
  });
}

async function invoicesOf(sessionId: string) {
  return ctx.database.db
    .select({ registrationId: invoices.registrationId, number: invoices.number, status: invoices.status, amount: invoices.amount, currency: invoices.currency, locale: invoices.locale })
    .from(invoices)
    .innerJoin(registrations, eq(registrations.id, invoices.registrationId))
    .where(eq(registrations.sessionId, sessionId))
    .orderBy(asc(invoices.sequence));
}

describe('invoices on confirmation', () => {
  it('are issued to exactly the confirmed seats of 60 simultaneous registrations, numbered without gaps', async () => {
    const session = await seedPricedSession(ctx.database.db, association.id, { days: [inDays(20)], price: { amount: 45_000, currency: 'KZT' }, timeZone: 'Asia/Almaty', capacity: 20 });
    const responses = await Promise.all(Array.from({ length: 60 }, (_, n) => register(session.sessionId, n)));
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    const confirmed = responses.map((r) => r.json<{ id: string; status: string }>()).filter((r) => r.status === 'confirmed');
    expect(confirmed).toHaveLength(20);

    const issued = await invoicesOf(session.sessionId);
    const year = issued[0]!.number.split('-')[1];
    expect(issued.map((i) => i.number)).toEqual(Array.from({ length: 20 }, (_, i) => `KWSA-${year}-${String(i + 1).padStart(6, '0')}`));
    expect(new Set(issued.map((i) => i.registrationId))).toEqual(new Set(confirmed.map((r) => r.id)));
    expect(issued.every((i) => i.amount === 45_000 && i.currency === 'KZT' && i.locale === 'kk' && i.status === 'issued')).toBe(true);
  });

  it('are issued to a registrant promoted from the waitlist, and not to a sponsored seat', async () => {
    const session = await seedPricedSession(ctx.database.db, association.id, { days: [inDays(20)], price: { amount: 30_000, currency: 'KZT' }, timeZone: 'Asia/Almaty', capacity: 1 });
    const first = (await register(session.sessionId, 1001, 'ru')).json<{ id: string; status: string }>();
    const second = (await register(session.sessionId, 1002, 'ru')).json<{ id: string; status: string }>();
    expect([first.status, second.status]).toEqual(['confirmed', 'waitlisted']);
    expect((await invoicesOf(session.sessionId)).map((i) => i.registrationId)).toEqual([first.id]);

    const cancelled = await staff.request({ method: 'POST', url: `/api/v1/registrations/${first.id}/cancel`, payload: { reason: 'Cannot come' } });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const after = await invoicesOf(session.sessionId);
    expect(after.map((i) => i.registrationId)).toEqual([first.id, second.id]);

    const projectId = (
      await staff.request({ method: 'POST', url: '/api/v1/projects', payload: { associationId: association.id, name: 'ENGINE', donor: 'European Union' } })
    ).json<{ id: string }>().id;
    const person = await staff.request({ method: 'POST', url: '/api/v1/people', payload: { associationId: association.id, fullName: 'Демеуші Әлия' } });
    expect(person.statusCode, person.body).toBe(201);
    const sponsored = await staff.request({
      method: 'POST',
      url: `/api/v1/sessions/${session.sessionId}/registrations`,
      payload: { personId: person.json<{ id: string }>().id, feeMode: 'sponsored', sponsorProjectId: projectId },
    });
    expect(sponsored.statusCode, sponsored.body).toBe(201);
    expect((await invoicesOf(session.sessionId)).map((i) => i.registrationId)).toEqual([first.id, second.id]);
  });
});
