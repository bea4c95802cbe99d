import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import type { AssociationRow } from '../associations/repository.js';
import { issueInvoiceForRegistration } from './invoice-issue-for-registration.js';
import { seedPayer, seedPricedSession, type SeededSession } from './invoice-test-data.js';
import { invoices } from './tables.js';

let ctx: TestContext;
let acec: AssociationRow;
let kwsa: AssociationRow;
let staff: Agent;
let session: SeededSession;

const MAY_2026 = new Date('2026-05-02T06:00:00Z');
const JAN_2027 = new Date('2027-01-04T06:00:00Z');

beforeAll(async () => {
  ctx = await createTestApp();
  acec = await makeAssociation(ctx, { shortName: 'ACEC-UZ', timeZone: 'Asia/Tashkent' });
  kwsa = await makeAssociation(ctx, { shortName: 'KWSA', country: 'KZ', timeZone: 'Asia/Almaty' });
  staff = await signedInAgent(ctx, { roles: [[acec.id, 'staff']] });
  session = await seedPricedSession(ctx.database.db, acec.id, { days: ['2026-06-15', '2026-06-16'] });
});
afterAll(async () => ctx.close());

const issue = (registrationId: string, now = MAY_2026) => ctx.database.db.transaction((tx) => issueInvoiceForRegistration(tx, registrationId, { now }));

async function payers(on: SeededSession, count: number, prefix: string) {
  const out = [];
  for (let i = 1; i <= count; i++) out.push(await seedPayer(ctx.database.db, on, { fullName: `${prefix} ${i}` }));
  return out;
}

describe('invoice numbers', () => {
  it('are gap-free and distinct for 50 invoices issued at the same time', async () => {
    const registrants = await payers(session, 50, 'Параллельный участник');
    const issued = await Promise.all(registrants.map((r) => issue(r.registrationId)));
    const numbers = issued.map((i) => i!.invoice.number).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `ACEC-UZ-2026-${String(i + 1).padStart(6, '0')}`));
    expect(new Set(issued.map((i) => i!.invoice.registrationId)).size).toBe(50);
    expect(issued.every((i) => i!.created && i!.invoice.amount === 1_500_000 && i!.invoice.currency === 'UZS')).toBe(true);
    // 14 days after issue, as the session starts later than that.
    expect(issued[0]!.invoice.dueOn).toBe('2026-05-16');
  });

  it('run per association and per year, independently, also when issued at the same time', async () => {
    const kzSession = await seedPricedSession(ctx.database.db, kwsa.id, { days: ['2027-03-01'], price: { amount: 45_000, currency: 'KZT' }, timeZone: 'Asia/Almaty' });
    const [kz, nextYear, thisYear] = await Promise.all([payers(kzSession, 12, 'Қатысушы'), payers(session, 12, 'Next year'), payers(session, 3, 'Same year')]);
    const issued = await Promise.all([
      ...kz.map((r) => issue(r.registrationId, JAN_2027)),
      ...nextYear.map((r) => issue(r.registrationId, JAN_2027)),
      ...thisYear.map((r) => issue(r.registrationId)),
    ]);
    const numbers = issued.map((i) => i!.invoice.number);
    const sequence = (prefix: string, count: number, from = 1) => Array.from({ length: count }, (_, i) => `${prefix}-${String(from + i).padStart(6, '0')}`);
    expect(numbers.filter((n) => n.startsWith('KWSA-2027-')).sort()).toEqual(sequence('KWSA-2027', 12));
    expect(numbers.filter((n) => n.startsWith('ACEC-UZ-2027-')).sort()).toEqual(sequence('ACEC-UZ-2027', 12));
    expect(numbers.filter((n) => n.startsWith('ACEC-UZ-2026-')).sort()).toEqual(sequence('ACEC-UZ-2026', 3, 51));
  });

  it('are given back when the transaction that issued one rolls back', async () => {
    const [first, second] = await payers(session, 2, 'Rollback');
    const failed = ctx.database.db.transaction(async (tx) => {
      const issued = await issueInvoiceForRegistration(tx, first!.registrationId, { now: MAY_2026 });
      expect(issued!.invoice.number).toBe('ACEC-UZ-2026-000054');
      throw new Error('the confirmation failed');
    });
    await expect(failed).rejects.toThrow('the confirmation failed');
    expect(await ctx.database.db.select().from(invoices).where(eq(invoices.registrationId, first!.registrationId))).toEqual([]);
    expect((await issue(second!.registrationId))!.invoice.number).toBe('ACEC-UZ-2026-000054');
    expect((await issue(first!.registrationId))!.invoice.number).toBe('ACEC-UZ-2026-000055');
  });

  it('stay used when an invoice is voided: a new invoice takes the next one', async () => {
    const [registrant] = await payers(session, 1, 'Voided');
    const first = (await issue(registrant!.registrationId))!.invoice;
    const voided = await staff.request({ method: 'POST', url: `/api/v1/invoices/${first.id}/void`, payload: { reason: 'Issued to the wrong company name' } });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ status: 'void', number: first.number, voidReason: 'Issued to the wrong company name' });

    const again = await staff.request({ method: 'POST', url: `/api/v1/registrations/${registrant!.registrationId}/invoice` });
    expect(again.statusCode, again.body).toBe(201);
    const second = again.json<{ invoice: { number: string; sequence?: number } }>().invoice;
    expect(second.number).not.toBe(first.number);
    const all = await ctx.database.db.select({ number: invoices.number, status: invoices.status }).from(invoices).where(eq(invoices.registrationId, registrant!.registrationId));
    expect(all.sort((a, b) => a.number.localeCompare(b.number))).toEqual([
      { number: first.number, status: 'void' },
      { number: second.number, status: 'issued' },
    ]);
  });
});

describe('issuing', () => {
  it('never makes two live invoices for one registration, however often it is asked at once', async () => {
    const [registrant] = await payers(session, 1, 'Twice');
    const results = await Promise.all([
      ...Array.from({ length: 8 }, () => issue(registrant!.registrationId)),
      ...Array.from({ length: 4 }, () => staff.request({ method: 'POST', url: `/api/v1/registrations/${registrant!.registrationId}/invoice` })),
    ]);
    const ids = new Set(
      results.map((r) => (r && 'statusCode' in r ? r.json<{ invoice: { id: string } }>().invoice.id : (r as { invoice: { id: string } }).invoice.id)),
    );
    expect(ids.size).toBe(1);
    const rows = await ctx.database.db.select().from(invoices).where(eq(invoices.registrationId, registrant!.registrationId));
    expect(rows).toHaveLength(1);
  });

  it('answers 201 for a new invoice and 200 with the same invoice when asked again', async () => {
    const [registrant] = await payers(session, 1, 'Staff issue');
    const first = await staff.request({ method: 'POST', url: `/api/v1/registrations/${registrant!.registrationId}/invoice` });
    expect(first.statusCode, first.body).toBe(201);
    const second = await staff.request({ method: 'POST', url: `/api/v1/registrations/${registrant!.registrationId}/invoice` });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ ...first.json<object>(), created: false });
  });

  it('is due on the eve of the first day when the session starts within 14 days, and on the day of issue at the latest', async () => {
    const soon = await seedPricedSession(ctx.database.db, acec.id, { days: ['2026-05-08'] });
    const [early] = await payers(soon, 1, 'Soon');
    expect((await issue(early!.registrationId))!.invoice.dueOn).toBe('2026-05-07');
    const [late] = await payers(soon, 1, 'Late');
    expect((await issue(late!.registrationId, new Date('2026-05-08T05:00:00Z')))!.invoice.dueOn).toBe('2026-05-08');
  });

  it('cannot delete an invoice: there is no such route, and the database refuses', async () => {
    const [registrant] = await payers(session, 1, 'Kept');
    const { invoice } = (await issue(registrant!.registrationId))!;
    const viaApi = await staff.request({ method: 'DELETE', url: `/api/v1/invoices/${invoice.id}` });
    expect(viaApi.statusCode).toBe(404);
    await expect(ctx.database.db.delete(invoices).where(eq(invoices.id, invoice.id))).rejects.toThrow();
    const [{ n }] = (await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(invoices).where(eq(invoices.id, invoice.id))) as [{ n: number }];
    expect(n).toBe(1);
  });
});
