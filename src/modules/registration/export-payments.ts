import type { Translator } from '../../platform/i18n/catalogue.js';
import { instantToZoned } from '../events/session-times.js';
import { countBlocks } from './export-counts.js';
import { header } from './export-labels.js';
import type { Cell, ExportBlock, ExportTable } from './export-table.js';
import { isOverdue } from './invoice-list.js';
import type { FeeRow, SessionInvoiceRow } from './invoices-repository.js';
import { summarisePayments, type PaymentReport } from './payment-report.js';

export interface PaymentsExportInput {
  /** Every registration live or ever invoiced, as the fee list has them. */
  fees: readonly FeeRow[];
  /** Every invoice of the session, void ones included. */
  invoices: readonly SessionInvoiceRow[];
  price: PaymentReport['price'];
  today: string;
  /** The zone invoices are dated in (the association's). */
  timeZone: string;
}

function totalsBlock(report: Omit<PaymentReport, 'sessionId'>, tr: Translator): ExportBlock {
  const s = (key: string) => tr.t(`registration.export.summary.${key}`);
  const rows: Cell[][] = [];
  for (const totals of report.currencies) {
    for (const key of ['invoiced', 'paid', 'outstanding', 'overdue', 'sponsored'] as const) {
      rows.push([s(key), totals[key].count, totals[key].amount, totals.currency]);
    }
  }
  rows.push([s('free'), report.byFee.free]);
  return { title: s('totals'), header: ['', s('count'), s('sum'), header(tr, 'currency')], rows };
}

/**
 * Payments: a row per invoice (void ones included, with their reason) and a row per sponsored or
 * free seat, then totals per currency and counts by gender, sector and country of the people listed.
 */
export function paymentsTable(input: PaymentsExportInput, tr: Translator): ExportTable {
  const byRegistration = new Map<string, SessionInvoiceRow[]>();
  for (const invoice of input.invoices) {
    const list = byRegistration.get(invoice.registrationId) ?? [];
    list.push(invoice);
    byRegistration.set(invoice.registrationId, list);
  }
  const rows: Cell[][] = [];
  for (const fee of input.fees) {
    const common = (): Cell[] => [
      rows.length + 1,
      fee.fullName,
      fee.organisation,
      tr.t(`registration.export.status.${fee.status}`),
      tr.t(`registration.export.fee.${fee.feeMode}`),
      fee.sponsorProjectName,
    ];
    const invoices = byRegistration.get(fee.registrationId) ?? [];
    if (invoices.length === 0) {
      const none = fee.feeMode === 'invoice' && fee.status === 'confirmed' ? tr.t('registration.export.invoice_status.none') : null;
      rows.push([...common(), null, null, null, none, null, null, null, null, null]);
    }
    for (const invoice of invoices) {
      const status = isOverdue(invoice, input.today) ? 'overdue' : invoice.status;
      rows.push([
        ...common(),
        invoice.number,
        invoice.amount,
        invoice.currency,
        tr.t(`registration.export.invoice_status.${status}`),
        instantToZoned(invoice.issuedAt, input.timeZone).day,
        invoice.dueOn,
        invoice.paidOn,
        invoice.paymentReference,
        invoice.voidReason,
      ]);
    }
  }
  const report = summarisePayments(input.price, input.fees, input.invoices, input.today);
  return {
    name: tr.t('registration.export.sheet.payments'),
    columns: [
      { header: header(tr, 'number'), format: 'integer', width: 6 },
      { header: header(tr, 'full_name'), width: 32 },
      { header: header(tr, 'organisation'), width: 28 },
      { header: header(tr, 'status'), width: 14 },
      { header: header(tr, 'fee'), width: 14 },
      { header: header(tr, 'sponsor'), width: 24 },
      { header: header(tr, 'invoice'), width: 22 },
      { header: header(tr, 'amount'), format: 'money', width: 14 },
      { header: header(tr, 'currency'), width: 8 },
      { header: header(tr, 'invoice_status'), width: 14 },
      { header: header(tr, 'issued_on'), format: 'date', width: 12 },
      { header: header(tr, 'due_on'), format: 'date', width: 12 },
      { header: header(tr, 'paid_on'), format: 'date', width: 12 },
      { header: header(tr, 'reference'), width: 20 },
      { header: header(tr, 'void_reason'), width: 28 },
    ],
    rows,
    blocks: [totalsBlock(report, tr), ...countBlocks(input.fees, tr)],
  };
}
