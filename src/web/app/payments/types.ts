/** The payment data of a session as the API returns it (src/modules/registration/invoice-schemas.ts). */

export type InvoiceStatus = 'issued' | 'paid' | 'void';
export type FeeMode = 'free' | 'sponsored' | 'invoice';
export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface Invoice {
  id: string;
  number: string;
  registrationId: string;
  amount: number;
  currency: string;
  dueOn: string;
  status: InvoiceStatus;
  locale: string;
  issuedAt: string;
  paidOn: string | null;
  paymentReference: string | null;
  voidedAt: string | null;
  voidReason: string | null;
}

export interface InvoiceListItem extends Invoice {
  personId: string;
  fullName: string;
  nameLatin: string | null;
  registrationStatus: RegistrationStatus;
  overdue: boolean;
}

export interface FeeItem {
  registrationId: string;
  personId: string;
  fullName: string;
  nameLatin: string | null;
  organisation: string | null;
  status: RegistrationStatus;
  feeMode: FeeMode;
  sponsorProjectId: string | null;
  sponsorProjectName: string | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  invoiceStatus: InvoiceStatus | null;
  amount: number | null;
  currency: string | null;
  dueOn: string | null;
  paidOn: string | null;
  paymentReference: string | null;
  overdue: boolean;
}

export interface CountAndSum {
  count: number;
  amount: number;
}

export interface PaymentReport {
  sessionId: string;
  price: { amount: number; currency: string } | null;
  confirmed: number;
  byFee: { invoice: number; sponsored: number; free: number };
  awaitingInvoice: number;
  voided: number;
  currencies: Array<{ currency: string; invoiced: CountAndSum; paid: CountAndSum; outstanding: CountAndSum; overdue: CountAndSum; sponsored: CountAndSum }>;
}

export const EXPORT_KINDS = ['participants', 'attendance', 'payments'] as const;

export function formatMoney(amount: number, currency: string, tag: string): string {
  return new Intl.NumberFormat(tag, { style: 'currency', currency }).format(amount);
}

/** The invoice PDF, for staff. */
export function invoicePdfUrl(invoiceId: string): string {
  return `/api/v1/invoices/${invoiceId}.pdf`;
}
