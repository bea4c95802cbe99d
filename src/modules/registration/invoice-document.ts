import type { Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { INTL_LOCALE, isLocale, type Messages } from '../../platform/i18n/catalogue.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import { formatDateRange } from '../../platform/pdf/format.js';
import { renderInvoicePdf } from '../../platform/pdf/on-demand.js';
import type { InvoiceDocumentInput } from '../../platform/pdf/invoice-types.js';
import { loadSessionFacts } from '../events/get-session.js';
import { getProjectAcknowledgement } from '../events/project-acknowledgement.js';
import { instantToZoned } from '../events/session-times.js';
import { invoiceForStaff } from './fee-access.js';
import { findInvoice, findInvoiceParties, findLiveInvoice, type LocatedInvoice } from './invoices-repository.js';
import { findRegistrationByTicket } from './registrations-repository.js';
import { normaliseTicketCode, secretMatches } from './ticket-code.js';

export interface InvoiceFile {
  fileName: string;
  content: Uint8Array;
}

function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames(INTL_LOCALE[locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The invoice as a PDF in the language the participant registered in, with the course, place and
 * dates, its status (paid or void) and the donor project's acknowledgement when the session runs
 * under one.
 */
async function renderInvoice(db: DbOrTx, messages: Messages, invoice: LocatedInvoice): Promise<InvoiceFile> {
  const locale: Locale = isLocale(invoice.locale) ? invoice.locale : 'en';
  const tr = messages.translator(locale);
  const t = (key: string, values?: Record<string, unknown>) => tr.t(`registration.invoice.pdf.${key}`, values);
  const [parties, session] = await Promise.all([findInvoiceParties(db, invoice.id), loadSessionFacts(db, invoice.sessionId)]);
  const acknowledgement = session!.projectId ? await getProjectAcknowledgement(db, session!.projectId, locale) : null;
  const intl = INTL_LOCALE[locale];
  const first = session!.days[0]?.day;
  const last = session!.days[session!.days.length - 1]?.day;
  const place = [session!.city, first && last ? formatDateRange(first, last, intl) : null].filter(Boolean).join(', ');

  const input: InvoiceDocumentInput = {
    locale: intl,
    issuer: { name: parties!.associationName, lines: [countryName(parties!.associationCountry, locale)] },
    number: invoice.number,
    issuedOn: instantToZoned(invoice.issuedAt, invoice.associationTimeZone).day,
    dueOn: invoice.dueOn,
    billTo: {
      name: parties!.fullName,
      ...(parties!.nameLatin ? { latinName: parties!.nameLatin } : {}),
      lines: [parties!.organisation, parties!.email].filter((line): line is string => Boolean(line)),
    },
    lines: [{ description: t('line', { course: pickTranslation(session!.course.title, locale) }), ...(place ? { details: [place] } : {}), amount: invoice.amount }],
    currency: invoice.currency,
    labels: {
      title: t('title'),
      number: t('number'),
      issuedOn: t('issued_on'),
      dueOn: t('due_on'),
      billedTo: t('billed_to'),
      description: t('description'),
      amount: t('amount'),
      total: t('total'),
    },
    facts: [{ label: t('ticket'), text: parties!.ticketCode }],
    ...(invoice.status === 'paid'
      ? { status: { title: t('paid'), tone: 'paid' as const, facts: [{ label: t('paid_on'), date: invoice.paidOn! }, { label: t('reference'), text: invoice.paymentReference ?? '' }] } }
      : {}),
    ...(invoice.status === 'void' ? { status: { title: t('void'), tone: 'void' as const, facts: [{ label: t('void_reason'), text: invoice.voidReason ?? '' }] } } : {}),
    ...(invoice.status === 'issued' ? { note: t('note', { number: invoice.number }) } : {}),
    ...(acknowledgement ? { acknowledgement: acknowledgement.text } : {}),
  };
  return { fileName: `${invoice.number}.pdf`, content: await renderInvoicePdf(input) };
}

export interface InvoicePdfOptions {
  actor: AuthContext | null;
  invoiceId: string;
}

/** Any invoice of the association, void ones included, for its staff. */
export async function getInvoicePdf(db: DbOrTx, messages: Messages, options: InvoicePdfOptions): Promise<InvoiceFile> {
  const { invoice } = await invoiceForStaff(db, options.actor, options.invoiceId);
  return renderInvoice(db, messages, invoice);
}

export interface TicketInvoicePdfOptions {
  ticketCode: string;
  /** The secret of the ticket link the participant was mailed. */
  secret: string;
}

/** The participant's own live invoice, for whoever holds their ticket link. */
export async function getTicketInvoicePdf(db: DbOrTx, messages: Messages, options: TicketInvoicePdfOptions): Promise<InvoiceFile> {
  const code = normaliseTicketCode(options.ticketCode);
  const registration = code ? await findRegistrationByTicket(db, code) : null;
  // As for the ticket page: a wrong code and a wrong secret are refused alike.
  if (!registration || !options.secret || !secretMatches(options.secret, registration.cancelTokenHash)) throw new AppError('invalid_token');
  const live = await findLiveInvoice(db, registration.id);
  if (!live) throw new AppError('not_found', { values: { what: 'invoice' } });
  return renderInvoice(db, messages, (await findInvoice(db, live.id))!);
}
