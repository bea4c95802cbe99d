import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import { readCertificateText } from '../../platform/pdf/visible-fields.js';
import { issueInvoiceForRegistration } from './invoice-issue-for-registration.js';
import { seedFeeProject, seedPayer, seedPricedSession, type PayerOptions, type SeededSession } from './invoice-test-data.js';

let ctx: TestContext;
let staff: Agent;
let session: SeededSession;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestApp();
  const association = await makeAssociation(ctx, { shortName: 'ACEC-UZ', name: 'Ассоциация чистых технологий Узбекистана', timeZone: 'Asia/Tashkent' });
  staff = await signedInAgent(ctx, { roles: [[association.id, 'staff']] });
  const projectId = await seedFeeProject(ctx.database.db, association.id, 'ENGINE', {
    en: 'This training is funded by the European Union.',
    ru: 'Обучение финансируется Европейским союзом.',
    uz: 'Ushbu oʻquv kursi Yevropa Ittifoqi tomonidan moliyalashtirildi.',
  });
  session = await seedPricedSession(ctx.database.db, association.id, { days: [inDays(30), inDays(32)], projectId, city: 'Toshkent' });
});
afterAll(async () => ctx.close());

async function invoiceFor(options: PayerOptions) {
  const payer = await seedPayer(ctx.database.db, session, { organisation: 'OOO «Suvsoz»', ...options });
  const issued = await ctx.database.db.transaction((tx) => issueInvoiceForRegistration(tx, payer.registrationId));
  return { payer, invoice: issued!.invoice };
}

async function pdfText(url: string, agent: Agent | null = staff): Promise<string> {
  const res = agent ? await agent.request({ method: 'GET', url }) : await ctx.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  // Lines joined with spaces, so that a wrapped phrase reads as one.
  return (await readCertificateText(new Uint8Array(res.rawPayload))).text.join(' ').replace(/\s+/g, ' ');
}

describe('the invoice PDF', () => {
  it('is in the language the participant registered in, with their name in its own script', async () => {
    const { invoice } = await invoiceFor({ fullName: 'Ғуломов Ўктам Шавкатович', nameLatin: 'Gʻulomov Oʻktam Shavkatovich', locale: 'ru' });
    const text = await pdfText(`/api/v1/invoices/${invoice.id}.pdf`);
    expect(text).toContain('Ғуломов Ўктам Шавкатович');
    expect(text).toContain('Gʻulomov Oʻktam Shavkatovich');
    expect(text).toContain('СЧЁТ');
    expect(text).toContain('Оплатить до');
    expect(text).toContain('ПЛАТЕЛЬЩИК');
    expect(text).toContain('Участие в учебном курсе «Промышленные сточные воды»');
    expect(text).toContain(invoice.number);
    expect(text).toContain('1 500 000,00 UZS');
    expect(text).toContain('Ассоциация чистых технологий Узбекистана');
    expect(text).toContain('Обучение финансируется Европейским союзом.');
    expect(text).not.toContain('Invoice');
  });

  it('speaks Uzbek with the turned comma (ʻ) for a participant who registered in Uzbek', async () => {
    const { invoice } = await invoiceFor({ fullName: 'Gʻulomova Oʻgʻiloy', locale: 'uz' });
    const text = await pdfText(`/api/v1/invoices/${invoice.id}.pdf`);
    expect(text).toContain('Gʻulomova Oʻgʻiloy');
    expect(text).toContain('HISOB-FAKTURA');
    expect(text).toContain('Toʻlov muddati');
    expect(text).toContain('«Sanoat oqova suvlari» oʻquv kursida ishtirok etish');
    expect(text).toContain('Ushbu oʻquv kursi Yevropa Ittifoqi tomonidan moliyalashtirildi.');
    expect(text).toContain('soʻm');
  });

  it('shows a payment and a void in the participant’s language', async () => {
    const { invoice } = await invoiceFor({ fullName: 'Әлімжанова Гүлнұр', locale: 'kk' });
    const today = new Date().toISOString().slice(0, 10);
    await staff.request({ method: 'POST', url: `/api/v1/invoices/${invoice.id}/payment`, payload: { paidOn: today, reference: 'KZ-77-001' } });
    const paid = await pdfText(`/api/v1/invoices/${invoice.id}.pdf`);
    expect(paid).toContain('Әлімжанова Гүлнұр');
    expect(paid).toContain('ТӨЛЕНДІ');
    expect(paid).toContain('KZ-77-001');

    const { invoice: other } = await invoiceFor({ fullName: 'Ozoliņa Līga', locale: 'lv' });
    await staff.request({ method: 'POST', url: `/api/v1/invoices/${other.id}/void`, payload: { reason: 'Dubultā reģistrācija' } });
    const voided = await pdfText(`/api/v1/invoices/${other.id}.pdf`);
    expect(voided).toContain('ANULĒTS');
    expect(voided).toContain('Dubultā reģistrācija');
    expect(voided).toContain('Rēķina numurs');
  });

  it('is downloaded by the participant from their ticket page, with the token of their ticket link', async () => {
    const { payer, invoice } = await invoiceFor({ fullName: 'Щёголев Юрий', locale: 'ru' });
    const page = await ctx.app.inject({ method: 'GET', url: `/tickets/${payer.ticketCode}?token=${payer.secret}&lang=ru` });
    expect(page.statusCode).toBe(200);
    const link = /<a href="([^"]*invoice\.pdf[^"]*)">([^<]*)<\/a>/.exec(page.body);
    expect(link?.[2]).toBe('Скачать счёт (PDF)');
    const text = await pdfText(link![1]!.replace(/&amp;/g, '&'), null);
    expect(text).toContain('Щёголев Юрий');
    expect(text).toContain(invoice.number);

    const wrong = await ctx.app.inject({ method: 'GET', url: `/tickets/${payer.ticketCode}/invoice.pdf?token=not-the-secret` });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).not.toBe('application/pdf');

    const sponsored = await seedPayer(ctx.database.db, session, { fullName: 'Без счёта', feeMode: 'sponsored' });
    const none = await ctx.app.inject({ method: 'GET', url: `/tickets/${sponsored.ticketCode}/invoice.pdf?token=${sponsored.secret}` });
    expect(none.statusCode).toBe(404);
  });

  it('of another association is refused to staff', async () => {
    const { invoice } = await invoiceFor({ fullName: 'Private', locale: 'en' });
    const other = await makeAssociation(ctx);
    const outsider = await signedInAgent(ctx, { roles: [[other.id, 'staff']] });
    const res = await outsider.request({ method: 'GET', url: `/api/v1/invoices/${invoice.id}.pdf` });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/json');
  });
});
