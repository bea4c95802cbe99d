import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Services } from '../../platform/services.js';
import { listFees } from './fee-list.js';
import { sponsorRegistration } from './fee-sponsor-registration.js';
import { getInvoicePdf, getTicketInvoicePdf, type InvoiceFile } from './invoice-document.js';
import { getInvoice } from './invoice-get.js';
import { issueInvoice } from './invoice-issue.js';
import { listInvoices } from './invoice-list.js';
import { markInvoicePaid } from './invoice-mark-paid.js';
import { FeeItem, IdParams, Invoice, InvoiceDetail, InvoiceListItem, IssuedInvoice, PaymentBody, PaymentReport, PdfFile, ReasonBody, SponsorBody, SponsoredSeat } from './invoice-schemas.js';
import { voidInvoice } from './invoice-void.js';
import { paymentReport } from './payment-report.js';
import { reversePayment } from './payment-reverse.js';

const tags = ['payments'];
const errors = errorResponses(400, 401, 403, 404);
const changeErrors = { ...errors, ...errorResponses(409) };
const signedIn = { access: 'signed_in' } as const;
/** A participant downloads their invoice now and then; this is ample. */
const TICKET_DOWNLOAD_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

function sendPdf(reply: FastifyReply, file: InvoiceFile): FastifyReply {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.content));
}

/** Fees of registrations, invoices and payments: for the staff of the session's association. */
export async function invoiceRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, messages } = services;

  app.get(
    '/api/v1/sessions/:id/invoices',
    { config: signedIn, schema: { tags, summary: 'Every invoice of a session, void ones included, in number order', params: IdParams, response: { 200: Type.Object({ items: Type.Array(InvoiceListItem) }), ...errors } } },
    async (request) => ({ items: (await listInvoices(db, { actor: request.auth, sessionId: request.params.id })).items }),
  );

  app.get(
    '/api/v1/sessions/:id/fees',
    {
      config: signedIn,
      schema: { tags, summary: 'How each registrant of a session pays: free, sponsored (by which project) or by invoice, with that invoice', params: IdParams, response: { 200: Type.Object({ items: Type.Array(FeeItem) }), ...errors } },
    },
    async (request) => ({ items: (await listFees(db, { actor: request.auth, sessionId: request.params.id })).items }),
  );

  app.get(
    '/api/v1/sessions/:id/payments',
    { config: signedIn, schema: { tags, summary: 'Payment report of a session: invoiced, paid, outstanding, sponsored and free, counts and sums per currency', params: IdParams, response: { 200: PaymentReport, ...errors } } },
    async (request) => paymentReport(db, { actor: request.auth, sessionId: request.params.id }),
  );

  app.post(
    '/api/v1/registrations/:id/invoice',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Issue the invoice of a confirmed registration on a priced session (a sponsored seat becomes invoiced); returns the live one if it has one',
        params: IdParams,
        response: { 200: IssuedInvoice, 201: IssuedInvoice, ...changeErrors },
      },
    },
    async (request, reply) => {
      const issued = await issueInvoice(db, { actor: request.auth, registrationId: request.params.id });
      return reply.code(issued.created ? 201 : 200).send(issued);
    },
  );

  app.post(
    '/api/v1/registrations/:id/sponsor',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Waive a registration’s fee under a donor project; an unpaid invoice is voided (a paid one must have its payment reversed first)',
        params: IdParams,
        body: SponsorBody,
        response: { 200: SponsoredSeat, ...changeErrors },
      },
    },
    async (request) => {
      const seat = await sponsorRegistration(db, { actor: request.auth, registrationId: request.params.id, projectId: request.body.projectId, tr: request.tr });
      return { ...seat, feeMode: 'sponsored' as const };
    },
  );

  app.get(
    '/api/v1/invoices/:id',
    { config: signedIn, schema: { tags, summary: 'An invoice with its history (issued, paid, payment reversed, voided)', params: IdParams, response: { 200: InvoiceDetail, ...errors } } },
    async (request) => getInvoice(db, { actor: request.auth, invoiceId: request.params.id }),
  );

  app.get(
    '/api/v1/invoices/:id.pdf',
    { config: signedIn, schema: { tags, summary: 'The invoice as a PDF in the participant’s language', params: IdParams, response: { 200: PdfFile, ...errors } } },
    async (request, reply) => sendPdf(reply, await getInvoicePdf(db, messages, { actor: request.auth, invoiceId: request.params.id })),
  );

  app.post(
    '/api/v1/invoices/:id/payment',
    {
      config: signedIn,
      schema: { tags, summary: 'Record the payment of an invoice (the same payment again changes nothing)', params: IdParams, body: PaymentBody, response: { 200: Invoice, ...changeErrors } },
    },
    async (request) => markInvoicePaid(db, { actor: request.auth, invoiceId: request.params.id, paidOn: request.body.paidOn, reference: request.body.reference }),
  );

  app.post(
    '/api/v1/invoices/:id/payment/reversal',
    {
      config: signedIn,
      schema: { tags, summary: 'Reverse the payment recorded on an invoice (refunded, or booked against the wrong invoice): it is unpaid again', params: IdParams, body: ReasonBody, response: { 200: Invoice, ...changeErrors } },
    },
    async (request) => reversePayment(db, { actor: request.auth, invoiceId: request.params.id, reason: request.body.reason }),
  );

  app.post(
    '/api/v1/invoices/:id/void',
    {
      config: signedIn,
      schema: { tags, summary: 'Void an unpaid invoice, with a reason; it is kept and its number is never given again', params: IdParams, body: ReasonBody, response: { 200: Invoice, ...changeErrors } },
    },
    async (request) => voidInvoice(db, { actor: request.auth, invoiceId: request.params.id, reason: request.body.reason }),
  );

  app.get(
    '/tickets/:code/invoice.pdf',
    {
      // Opened from the ticket page: a refusal is shown as a page, not as JSON.
      config: { access: 'public', html: true, rateLimit: TICKET_DOWNLOAD_RATE_LIMIT },
      schema: {
        hide: true,
        params: Type.Object({ code: Type.String({ minLength: 8, maxLength: 20 }) }),
        querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) }),
      },
    },
    async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      return sendPdf(reply, await getTicketInvoicePdf(db, messages, { ticketCode: request.params.code, secret: request.query.token ?? '' }));
    },
  );
}
