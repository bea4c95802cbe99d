/**
 * What a caller gives to draw an invoice. It is written in one language (the participant's): every
 * label arrives translated, and the layout formats dates and amounts with Intl in `locale`.
 */

export interface InvoiceLabels {
  /** e.g. "Invoice" */
  title: string;
  number: string;
  issuedOn: string;
  dueOn: string;
  /** e.g. "Billed to" */
  billedTo: string;
  description: string;
  amount: string;
  /** e.g. "Total due" */
  total: string;
}

/** A label and its value; a `date` (YYYY-MM-DD) is formatted in the document's locale. */
export type InvoiceFact = { label: string; text: string } | { label: string; date: string };

export interface InvoiceLine {
  description: string;
  /** Smaller lines under the description, e.g. place and dates of the course. */
  details?: readonly string[];
  amount: number;
}

export interface InvoiceDocumentInput {
  /** Intl locale of the document, e.g. 'ru-RU'. */
  locale: string;
  issuer: { name: string; lines?: readonly string[] };
  /** e.g. ACEC-UZ-2026-000017. */
  number: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  dueOn: string;
  billTo: { name: string; latinName?: string; lines?: readonly string[] };
  lines: readonly InvoiceLine[];
  /** ISO 4217, e.g. UZS. */
  currency: string;
  labels: InvoiceLabels;
  /** Further facts under the number and dates, e.g. the ticket code. */
  facts?: readonly InvoiceFact[];
  /** A boxed status across the page, e.g. "Paid" with the date and reference, or "Void" with the reason. */
  status?: { title: string; tone: 'paid' | 'void'; facts: readonly InvoiceFact[] };
  /** How to pay, printed under the total. */
  note?: string;
  /** The donor project's acknowledgement, when the training runs under a project. */
  acknowledgement?: string;
  /** Written into the PDF's metadata; defaults to the time of rendering. */
  producedAt?: Date;
}
