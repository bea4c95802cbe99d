/**
 * The rules that give an invoice its number and its due date: pure functions, tested alone.
 */

/** Days a participant has to pay, unless the session starts sooner. */
export const PAYMENT_TERM_DAYS = 14;
export const NUMBER_DIGITS = 6;

/** The sequence an association's invoices are numbered in (one per calendar year). */
export function invoiceSequenceScope(associationId: string): string {
  return `invoice:${associationId}`;
}

/**
 * The association's short name as it prefixes invoice numbers: letters and digits in capitals,
 * anything else folded into single hyphens ("ACEC-UZ" stays, "CleanTech Latvia" → "CLEANTECH-LATVIA").
 */
export function invoiceCode(shortName: string): string {
  const code = shortName
    .normalize('NFKC')
    .toLocaleUpperCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return code || 'INV';
}

/** e.g. ACEC-UZ-2026-000017. */
export function invoiceNumber(code: string, year: number, sequence: number): string {
  return `${code}-${year}-${String(sequence).padStart(NUMBER_DIGITS, '0')}`;
}

function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Payment is due 14 days after issue, or on the eve of the session's first day if that comes
 * sooner — but never before the day of issue (an invoice issued on the first day is due that day).
 * Days are calendar days (YYYY-MM-DD) on the clocks of the session's place.
 */
export function invoiceDueOn(issuedOn: string, firstDay: string | null): string {
  const term = addDays(issuedOn, PAYMENT_TERM_DAYS);
  if (!firstDay) return term;
  const eve = addDays(firstDay, -1);
  const due = eve < term ? eve : term;
  return due < issuedOn ? issuedOn : due;
}
