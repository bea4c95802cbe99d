import { Type } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from '../../platform/http/schema-types.js';
import { FEE_MODES, INVOICE_EVENT_KINDS, INVOICE_STATUSES, REGISTRATION_STATUSES, type FeeMode, type InvoiceEventKind, type InvoiceStatus, type RegistrationStatus } from './tables.js';
import { MAX_REASON, MAX_REFERENCE } from './fee-text.js';

const OneOf = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const OneOfOrNull = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T | null>({ type: ['string', 'null'], enum: [...values, null], description });
const Day = (description: string) => Type.String({ format: 'date', description });
const NullableDay = (description: string) => Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date', description });
const Money = (description: string) => Type.Number({ description });

const InvoiceStatusField = OneOf<InvoiceStatus>(INVOICE_STATUSES, 'issued: awaiting payment; paid; void: cancelled, its number stays used.');
const RegistrationStatusField = OneOf<RegistrationStatus>(REGISTRATION_STATUSES, 'Where the registration stands.');
const FeeModeField = OneOf<FeeMode>(FEE_MODES, 'free: nothing to pay; sponsored: fee waived under a project; invoice: paid by invoice.');

export const IdParams = Type.Object({ id: Uuid() });

export const Invoice = Type.Object({
  id: Uuid(),
  number: Type.String({ description: 'e.g. ACEC-UZ-2026-000017: association, year, gap-free sequence.' }),
  registrationId: Uuid(),
  amount: Money('From the session’s price when issued.'),
  currency: Type.String({ description: 'ISO 4217' }),
  dueOn: Day('14 days after issue, or the eve of the first day if sooner.'),
  status: InvoiceStatusField,
  locale: Type.String({ description: 'The language of the PDF: the one the participant registered in.' }),
  issuedAt: DateTime(),
  paidOn: NullableDay('The day the payment arrived.'),
  paymentReference: Nullable(Type.String()),
  voidedAt: Nullable(DateTime()),
  voidReason: Nullable(Type.String()),
});

export const InvoiceListItem = Type.Intersect([
  Invoice,
  Type.Object({
    personId: Uuid(),
    fullName: Type.String(),
    nameLatin: Nullable(Type.String()),
    registrationStatus: RegistrationStatusField,
    overdue: Type.Boolean({ description: 'Issued, unpaid and past its due date where the session takes place.' }),
  }),
]);

export const InvoiceHistoryEntry = Type.Object({
  kind: OneOf<InvoiceEventKind>(INVOICE_EVENT_KINDS, 'What happened.'),
  paidOn: NullableDay('The payment recorded or reversed.'),
  paymentReference: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  actorId: Nullable(Uuid({ description: 'The user who did it; null when it followed a confirmation.' })),
  at: DateTime(),
});

export const InvoiceDetail = Type.Intersect([
  Invoice,
  Type.Object({
    sessionId: Uuid(),
    fullName: Type.String(),
    nameLatin: Nullable(Type.String()),
    history: Type.Array(InvoiceHistoryEntry),
  }),
]);

export const IssuedInvoice = Type.Object({
  invoice: Invoice,
  created: Type.Boolean({ description: 'False when the registration had a live invoice already: that one is returned.' }),
});

export const PaymentBody = Type.Object({
  paidOn: Day('The day the money arrived (not in the future).'),
  reference: Type.String({ minLength: 1, maxLength: MAX_REFERENCE, description: 'The bank’s or cashier’s reference.' }),
});

export const ReasonBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: MAX_REASON }),
});

export const SponsorBody = Type.Object({
  projectId: Uuid({ description: 'The donor project that pays for the seat.' }),
});

export const SponsoredSeat = Type.Object({
  registrationId: Uuid(),
  feeMode: Type.Literal('sponsored'),
  sponsorProjectId: Uuid(),
  voidedInvoice: Nullable(Invoice),
});

export const FeeItem = Type.Object({
  registrationId: Uuid(),
  personId: Uuid(),
  fullName: Type.String(),
  nameLatin: Nullable(Type.String()),
  organisation: Nullable(Type.String()),
  status: RegistrationStatusField,
  feeMode: FeeModeField,
  sponsorProjectId: Nullable(Uuid()),
  sponsorProjectName: Nullable(Type.String()),
  invoiceId: Nullable(Uuid({ description: 'The live invoice; the last voided one when none is live.' })),
  invoiceNumber: Nullable(Type.String()),
  invoiceStatus: OneOfOrNull<InvoiceStatus>(INVOICE_STATUSES, 'Status of that invoice.'),
  amount: Nullable(Type.Number()),
  currency: Nullable(Type.String()),
  dueOn: NullableDay('Due date of that invoice.'),
  paidOn: NullableDay('Payment date of that invoice.'),
  paymentReference: Nullable(Type.String()),
  overdue: Type.Boolean(),
});

const CountAndSum = Type.Object({ count: Type.Integer(), amount: Type.Number() });

export const PaymentReport = Type.Object({
  sessionId: Uuid(),
  price: Nullable(Type.Object({ amount: Type.Number(), currency: Type.String() })),
  confirmed: Type.Integer({ description: 'Confirmed registrations.' }),
  byFee: Type.Object(
    { invoice: Type.Integer(), sponsored: Type.Integer(), free: Type.Integer() },
    { description: 'How the confirmed seats are paid for.' },
  ),
  awaitingInvoice: Type.Integer({ description: 'Confirmed seats to be invoiced without a live invoice (e.g. after a void).' }),
  voided: Type.Integer({ description: 'Void invoices.' }),
  currencies: Type.Array(
    Type.Object({
      currency: Type.String(),
      invoiced: CountAndSum,
      paid: CountAndSum,
      outstanding: CountAndSum,
      overdue: CountAndSum,
      sponsored: CountAndSum,
    }),
    { description: 'Counts and sums per currency: invoiced (issued or paid), paid, outstanding, overdue, and sponsored seats at the session’s price.' },
  ),
});

export const PdfFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' });
