import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import type { AssociationRow } from '../associations/repository.js';
import { issueInvoiceForRegistration } from './invoice-issue-for-registration.js';
import { seedFeeProject, seedPayer, seedPricedSession, type PayerOptions, type SeededSession } from './invoice-test-data.js';
import { invoices, registrations } from './tables.js';

let ctx: TestContext;
let association: AssociationRow;
let staff: Agent;
let session: SeededSession;
let projectId: string;

/** Far enough ahead that invoices issued today are due 14 days after issue. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestApp();
  association = await makeAssociation(ctx, { shortName: 'ACEC-UZ', timeZone: 'UTC' });
  staff = await signedInAgent(ctx, { roles: [[association.id, 'staff']] });
  projectId = await seedFeeProject(ctx.database.db, association.id, 'ENGINE: water and energy engineering');
  session = await seedPricedSession(ctx.database.db, association.id, { days: [inDays(40), inDays(41)], price: { amount: 250, currency: 'EUR' } });
});
afterAll(async () => ctx.close());

async function invoiced(options: Partial<PayerOptions> = {}, on = session) {
  const payer = await seedPayer(ctx.database.db, on, { fullName: 'Bērziņš Jānis', ...options });
  const issued = await ctx.database.db.transaction((tx) => issueInvoiceForRegistration(tx, payer.registrationId));
  return { payer, invoice: issued?.invoice ?? null };
}

const post = (url: string, payload?: unknown, agent = staff) => agent.request({ method: 'POST', url, ...(payload === undefined ? {} : { payload }) });

describe('the confirmation hook', () => {
  it('issues nothing for a sponsored seat, a free session or a registration that is not confirmed', async () => {
    expect((await invoiced({ feeMode: 'sponsored', sponsorProjectId: projectId })).invoice).toBeNull();
    expect((await invoiced({ status: 'waitlisted' })).invoice).toBeNull();
    const free = await seedPricedSession(ctx.database.db, association.id, { days: [inDays(40)], price: null });
    expect((await invoiced({ feeMode: 'free' }, free)).invoice).toBeNull();
    expect((await invoiced()).invoice).toMatchObject({ status: 'issued', amount: 250, currency: 'EUR', dueOn: inDays(14), locale: 'en' });
  });

  it('refuses to run outside a transaction, where a failure could leave a gap', async () => {
    const payer = await seedPayer(ctx.database.db, session, { fullName: 'Outside' });
    await expect(issueInvoiceForRegistration(ctx.database.db, payer.registrationId)).rejects.toThrow(/transaction/);
  });
});

describe('payments', () => {
  it('are recorded with date and reference; the same payment again changes nothing, another one is refused', async () => {
    const { invoice } = await invoiced();
    const paid = await post(`/api/v1/invoices/${invoice!.id}/payment`, { paidOn: today(), reference: 'SWIFT 0042-77' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', paidOn: today(), paymentReference: 'SWIFT 0042-77' });
    expect((await post(`/api/v1/invoices/${invoice!.id}/payment`, { paidOn: today(), reference: 'SWIFT 0042-77' })).statusCode).toBe(200);
    const other = await post(`/api/v1/invoices/${invoice!.id}/payment`, { paidOn: today(), reference: 'cash' });
    expect(other.statusCode).toBe(409);
    expect(other.json<{ error: { message: string } }>().error.message).toContain('Reverse that payment first');

    const detail = await staff.request({ method: 'GET', url: `/api/v1/invoices/${invoice!.id}` });
    expect(detail.json<{ history: Array<{ kind: string; paymentReference: string | null; actorId: string | null }> }>().history).toMatchObject([
      { kind: 'issued', actorId: null },
      { kind: 'paid', paymentReference: 'SWIFT 0042-77', actorId: staff.userId },
    ]);
  });

  it('refuses a payment date in the future, a missing reference and a bad date, naming the field', async () => {
    const { invoice } = await invoiced();
    const future = await post(`/api/v1/invoices/${invoice!.id}/payment`, { paidOn: inDays(3), reference: 'x' });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ error: { fields: Record<string, string> } }>().error.fields.paidOn).toBe('The payment date cannot be in the future.');
    const blank = await post(`/api/v1/invoices/${invoice!.id}/payment`, { paidOn: today(), reference: '   ' });
    expect(Object.keys(blank.json<{ error: { fields: Record<string, string> } }>().error.fields)).toEqual(['reference']);
    const bad = await post(`/api/v1/invoices/${invoice!.id}/payment?lang=ru`, { paidOn: '2026-02-30', reference: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json<{ error: { fields: Record<string, string> } }>().error.fields)).toEqual(['paidOn']);
  });
});

describe('voiding', () => {
  it('needs a reason and keeps the invoice and its number', async () => {
    const { invoice } = await invoiced();
    expect((await post(`/api/v1/invoices/${invoice!.id}/void`, { reason: '  ' })).statusCode).toBe(400);
    const voided = await post(`/api/v1/invoices/${invoice!.id}/void`, { reason: 'Duplicate of a company invoice' });
    expect(voided.json()).toMatchObject({ status: 'void', number: invoice!.number, voidReason: 'Duplicate of a company invoice' });
    expect((await post(`/api/v1/invoices/${invoice!.id}/payment`, { paidOn: today(), reference: 'x' })).statusCode).toBe(409);
    // Voiding again changes nothing.
    expect((await post(`/api/v1/invoices/${invoice!.id}/void`, { reason: 'again' })).json()).toMatchObject({ voidReason: 'Duplicate of a company invoice' });
  });

  it('of a paid invoice is refused until the payment is reversed, with a reason kept in the history', async () => {
    const { invoice } = await invoiced();
    await post(`/api/v1/invoices/${invoice!.id}/payment`, { paidOn: today(), reference: 'PAY-1' });
    const refused = await post(`/api/v1/invoices/${invoice!.id}/void?lang=ru`, { reason: 'Cancelled' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toBe('Оплаченный счёт нельзя аннулировать. Сначала отмените платёж.');

    const reversed = await post(`/api/v1/invoices/${invoice!.id}/payment/reversal`, { reason: 'Refunded: could not attend' });
    expect(reversed.json()).toMatchObject({ status: 'issued', paidOn: null, paymentReference: null });
    expect((await post(`/api/v1/invoices/${invoice!.id}/payment/reversal`, { reason: 'again' })).statusCode).toBe(409);
    expect((await post(`/api/v1/invoices/${invoice!.id}/void`, { reason: 'Participant withdrew' })).json()).toMatchObject({ status: 'void' });

    const history = (await staff.request({ method: 'GET', url: `/api/v1/invoices/${invoice!.id}` })).json<{ history: unknown[] }>().history;
    expect(history).toMatchObject([
      { kind: 'issued' },
      { kind: 'paid', paidOn: today(), paymentReference: 'PAY-1' },
      { kind: 'payment_reversed', paidOn: today(), paymentReference: 'PAY-1', reason: 'Refunded: could not attend' },
      { kind: 'voided', reason: 'Participant withdrew' },
    ]);
  });
});

describe('sponsoring', () => {
  it('waives the fee under a project and voids the unpaid invoice, whose number stays used', async () => {
    const { payer, invoice } = await invoiced();
    const sponsored = await post(`/api/v1/registrations/${payer.registrationId}/sponsor`, { projectId });
    expect(sponsored.statusCode, sponsored.body).toBe(200);
    expect(sponsored.json()).toMatchObject({ feeMode: 'sponsored', sponsorProjectId: projectId, voidedInvoice: { id: invoice!.id, status: 'void' } });
    expect(sponsored.json<{ voidedInvoice: { voidReason: string } }>().voidedInvoice.voidReason).toContain('ENGINE: water and energy engineering');
    const [registration] = await ctx.database.db.select().from(registrations).where(eq(registrations.id, payer.registrationId));
    expect(registration).toMatchObject({ feeMode: 'sponsored', sponsorProjectId: projectId });
    // A sponsored seat gets no invoice when confirmed again.
    expect(await ctx.database.db.transaction((tx) => issueInvoiceForRegistration(tx, payer.registrationId))).toBeNull();
  });

  it('is refused for a paid invoice, a project of another association and a free session', async () => {
    const { payer, invoice } = await invoiced();
    await post(`/api/v1/invoices/${invoice!.id}/payment`, { paidOn: today(), reference: 'PAY-2' });
    expect((await post(`/api/v1/registrations/${payer.registrationId}/sponsor`, { projectId })).statusCode).toBe(409);

    const other = await makeAssociation(ctx);
    const foreign = await seedFeeProject(ctx.database.db, other.id, 'Foreign');
    const { payer: second } = await invoiced();
    const wrong = await post(`/api/v1/registrations/${second.registrationId}/sponsor`, { projectId: foreign });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json<{ error: { fields: object } }>().error.fields)).toEqual(['projectId']);

    const free = await seedPricedSession(ctx.database.db, association.id, { days: [inDays(40)], price: null });
    const { payer: freeRider } = await invoiced({ feeMode: 'free' }, free);
    expect((await post(`/api/v1/registrations/${freeRider.registrationId}/sponsor`, { projectId })).statusCode).toBe(409);
  });

  it('is undone by issuing an invoice: staff decide', async () => {
    const payer = await seedPayer(ctx.database.db, session, { fullName: 'Sponsored first', feeMode: 'sponsored', sponsorProjectId: projectId });
    const issued = await post(`/api/v1/registrations/${payer.registrationId}/invoice`);
    expect(issued.statusCode, issued.body).toBe(201);
    const [registration] = await ctx.database.db.select().from(registrations).where(eq(registrations.id, payer.registrationId));
    expect(registration).toMatchObject({ feeMode: 'invoice', sponsorProjectId: null });
  });

  it('cannot invoice a registration that is not confirmed', async () => {
    const payer = await seedPayer(ctx.database.db, session, { fullName: 'Waiting', status: 'waitlisted' });
    expect((await post(`/api/v1/registrations/${payer.registrationId}/invoice`)).statusCode).toBe(409);
  });
});

describe('the payment report', () => {
  it('counts and sums invoiced, paid, outstanding, overdue, sponsored and free seats per currency', async () => {
    const small = await seedPricedSession(ctx.database.db, association.id, { days: [inDays(5)], price: { amount: 99.9, currency: 'EUR' } });
    const seat = (options: Partial<PayerOptions> = {}) => invoiced(options, small);
    const paid = await seat();
    await seat();
    const late = await seat();
    const voided = await seat();
    await seat({ feeMode: 'sponsored', sponsorProjectId: projectId });
    await seat({ feeMode: 'sponsored', sponsorProjectId: projectId });
    await seat({ feeMode: 'free' });
    await seat({ status: 'waitlisted' });
    await post(`/api/v1/invoices/${paid.invoice!.id}/payment`, { paidOn: today(), reference: 'R-1' });
    await post(`/api/v1/invoices/${voided.invoice!.id}/void`, { reason: 'Wrong person' });
    await ctx.database.db.update(invoices).set({ dueOn: inDays(-1) }).where(eq(invoices.id, late.invoice!.id));
    // A price changed to another currency while one invoice was out.
    const odd = await seat();
    await ctx.database.db.update(invoices).set({ currency: 'USD', amount: 110 }).where(eq(invoices.id, odd.invoice!.id));

    const report = await staff.request({ method: 'GET', url: `/api/v1/sessions/${small.sessionId}/payments` });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toEqual({
      sessionId: small.sessionId,
      price: { amount: 99.9, currency: 'EUR' },
      confirmed: 8,
      byFee: { invoice: 5, sponsored: 2, free: 1 },
      awaitingInvoice: 1,
      voided: 1,
      currencies: [
        {
          currency: 'EUR',
          invoiced: { count: 3, amount: 299.7 },
          paid: { count: 1, amount: 99.9 },
          outstanding: { count: 2, amount: 199.8 },
          overdue: { count: 1, amount: 99.9 },
          sponsored: { count: 2, amount: 199.8 },
        },
        {
          currency: 'USD',
          invoiced: { count: 1, amount: 110 },
          paid: { count: 0, amount: 0 },
          outstanding: { count: 1, amount: 110 },
          overdue: { count: 0, amount: 0 },
          sponsored: { count: 0, amount: 0 },
        },
      ],
    });

    const list = await staff.request({ method: 'GET', url: `/api/v1/sessions/${small.sessionId}/invoices` });
    const items = list.json<{ items: Array<{ id: string; status: string; overdue: boolean; fullName: string }> }>().items;
    expect(items).toHaveLength(5);
    expect(items.find((i) => i.id === late.invoice!.id)).toMatchObject({ overdue: true, fullName: 'Bērziņš Jānis' });

    const fees = (await staff.request({ method: 'GET', url: `/api/v1/sessions/${small.sessionId}/fees` })).json<{ items: Array<{ feeMode: string; invoiceStatus: string | null }> }>().items;
    expect(fees.map((f) => `${f.feeMode}:${f.invoiceStatus ?? '-'}`).sort()).toEqual(
      ['free:-', 'invoice:-', 'invoice:issued', 'invoice:issued', 'invoice:issued', 'invoice:paid', 'invoice:void', 'sponsored:-', 'sponsored:-'].sort(),
    );
  });
});

describe('access', () => {
  it('is for staff of the session’s association: others get 403, strangers 401', async () => {
    const { payer, invoice } = await invoiced();
    const other = await makeAssociation(ctx);
    const outsider = await signedInAgent(ctx, { roles: [[other.id, 'admin']] });
    const trainer = await signedInAgent(ctx, { roles: [[association.id, 'trainer']] });
    const requests: Array<{ method: string; url: string; payload?: unknown }> = [
      { method: 'GET', url: `/api/v1/sessions/${session.sessionId}/invoices` },
      { method: 'GET', url: `/api/v1/sessions/${session.sessionId}/fees` },
      { method: 'GET', url: `/api/v1/sessions/${session.sessionId}/payments` },
      { method: 'GET', url: `/api/v1/invoices/${invoice!.id}` },
      { method: 'GET', url: `/api/v1/invoices/${invoice!.id}.pdf` },
      { method: 'POST', url: `/api/v1/registrations/${payer.registrationId}/invoice` },
      { method: 'POST', url: `/api/v1/registrations/${payer.registrationId}/sponsor`, payload: { projectId } },
      { method: 'POST', url: `/api/v1/invoices/${invoice!.id}/payment`, payload: { paidOn: today(), reference: 'x' } },
      { method: 'POST', url: `/api/v1/invoices/${invoice!.id}/payment/reversal`, payload: { reason: 'x' } },
      { method: 'POST', url: `/api/v1/invoices/${invoice!.id}/void`, payload: { reason: 'x' } },
    ];
    for (const request of requests) {
      expect((await outsider.request(request)).statusCode, `${request.method} ${request.url}`).toBe(403);
      expect((await trainer.request(request)).statusCode, `${request.method} ${request.url}`).toBe(403);
      expect((await ctx.app.inject({ method: request.method as 'GET', url: request.url, ...(request.payload ? { payload: request.payload } : {}) })).statusCode).toBe(401);
    }
    const [unchanged] = await ctx.database.db.select().from(invoices).where(eq(invoices.id, invoice!.id));
    expect(unchanged).toMatchObject({ status: 'issued', paidOn: null });
  });

  it('answers 404 for an invoice or session that does not exist', async () => {
    expect((await staff.request({ method: 'GET', url: '/api/v1/invoices/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await staff.request({ method: 'GET', url: '/api/v1/sessions/00000000-0000-4000-8000-000000000000/payments' })).statusCode).toBe(404);
  });
});
