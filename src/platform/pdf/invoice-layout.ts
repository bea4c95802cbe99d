import { GOLD, INK, MUTED, NAVY } from './certificate-frame.js';
import { formatDate } from './format.js';
import type { InvoiceDocumentInput, InvoiceFact } from './invoice-types.js';
import type { PageWriter, Rgb } from './page-writer.js';

/** A4 portrait, in points. */
export const INVOICE_PAGE: [number, number] = [595.28, 841.89];

const LEFT = 56;
const RIGHT = INVOICE_PAGE[0] - 56;
const WIDTH = RIGHT - LEFT;
const RULE: Rgb = [0.8, 0.82, 0.86];
const TONES: Record<'paid' | 'void', Rgb> = { paid: [0.11, 0.45, 0.25], void: [0.7, 0.12, 0.12] };

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** e.g. ru-RU "1 500 000,00 UZS", en-GB "€250.00". */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const key = `${locale} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

function factValue(fact: InvoiceFact, locale: string): string {
  return 'date' in fact ? formatDate(fact.date, locale) : fact.text;
}

/** Label-value rows, labels in a column of `labelWidth`; returns the baseline of the last row. */
function drawFacts(writer: PageWriter, facts: readonly InvoiceFact[], locale: string, x: number, y: number, labelWidth: number, valueWidth: number): number {
  let baseline = y;
  facts.forEach((fact, index) => {
    baseline = y - index * 15;
    writer.text(fact.label, { x, y: baseline, font: 'regular', size: 9, color: MUTED, maxWidth: labelWidth - 8, minSize: 6.5 });
    writer.text(factValue(fact, locale), { x: x + labelWidth, y: baseline, font: 'bold', size: 9.5, color: INK, maxWidth: valueWidth, minSize: 6.5 });
  });
  return baseline;
}

function smallCaps(writer: PageWriter, text: string, locale: string, x: number, y: number, align: 'left' | 'right' = 'left'): void {
  writer.text(text.toLocaleUpperCase(locale), { x, y, font: 'regular', size: 7.5, color: MUTED, tracking: 0.6, align, maxWidth: WIDTH / 2 });
}

/** An invoice for a training: issuer and title, number and dates, the payer, the lines and the total. */
export function drawInvoice(writer: PageWriter, input: InvoiceDocumentInput): void {
  const [, height] = INVOICE_PAGE;
  const { labels, locale } = input;
  writer.line(0, height - 6, INVOICE_PAGE[0], height - 6, 12, NAVY);

  let y = height - 70;
  const nameEnd = writer.paragraph(input.issuer.name, { x: LEFT, y, width: WIDTH * 0.5, font: 'bold', size: 14, color: NAVY, maxLines: 2, minSize: 10 });
  writer.text(labels.title.toLocaleUpperCase(locale), { x: RIGHT, y, font: 'bold', size: 24, color: NAVY, align: 'right', tracking: 1.5, maxWidth: WIDTH * 0.4, minSize: 14 });
  let issuerY = nameEnd - 16;
  for (const line of input.issuer.lines ?? []) {
    writer.text(line, { x: LEFT, y: issuerY, font: 'regular', size: 9, color: MUTED, maxWidth: WIDTH * 0.55, minSize: 6.5 });
    issuerY -= 12;
  }

  const facts: InvoiceFact[] = [
    { label: labels.number, text: input.number },
    { label: labels.issuedOn, date: input.issuedOn },
    { label: labels.dueOn, date: input.dueOn },
    ...(input.facts ?? []),
  ];
  const factsX = LEFT + WIDTH * 0.55;
  const factsEnd = drawFacts(writer, facts, locale, factsX, y - 30, 100, RIGHT - factsX - 100);

  y = Math.min(issuerY, factsEnd) - 28;
  writer.line(LEFT, y, RIGHT, y, 0.8, GOLD);

  y -= 26;
  smallCaps(writer, labels.billedTo, locale, LEFT, y);
  y -= 18;
  writer.text(input.billTo.name, { x: LEFT, y, font: 'bold', size: 13, color: INK, maxWidth: WIDTH, minSize: 8 });
  if (input.billTo.latinName && input.billTo.latinName !== input.billTo.name) {
    y -= 14;
    writer.text(input.billTo.latinName, { x: LEFT, y, font: 'italic', size: 10, color: MUTED, maxWidth: WIDTH, minSize: 7 });
  }
  for (const line of input.billTo.lines ?? []) {
    y -= 13;
    writer.text(line, { x: LEFT, y, font: 'regular', size: 9.5, color: INK, maxWidth: WIDTH, minSize: 6.5 });
  }

  y -= 36;
  const amountX = RIGHT;
  const descriptionWidth = WIDTH - 150;
  smallCaps(writer, labels.description, locale, LEFT, y);
  smallCaps(writer, labels.amount, locale, amountX, y, 'right');
  y -= 8;
  writer.line(LEFT, y, RIGHT, y, 0.6, RULE);
  let total = 0;
  for (const item of input.lines) {
    total += item.amount;
    y -= 17;
    const top = y;
    y = writer.paragraph(item.description, { x: LEFT, y, width: descriptionWidth, font: 'bold', size: 10.5, color: INK, maxLines: 3, minSize: 8 });
    for (const detail of item.details ?? []) {
      y -= 13;
      writer.text(detail, { x: LEFT, y, font: 'regular', size: 9, color: MUTED, maxWidth: descriptionWidth, minSize: 6.5 });
    }
    writer.text(formatMoney(item.amount, input.currency, locale), { x: amountX, y: top, font: 'regular', size: 10.5, color: INK, align: 'right', maxWidth: 140, minSize: 7 });
    y -= 10;
    writer.line(LEFT, y, RIGHT, y, 0.6, RULE);
  }
  y -= 20;
  writer.text(labels.total, { x: amountX - 150, y, font: 'bold', size: 11, color: NAVY, align: 'right', maxWidth: descriptionWidth, minSize: 7 });
  writer.text(formatMoney(total, input.currency, locale), { x: amountX, y, font: 'bold', size: 12, color: NAVY, align: 'right', maxWidth: 140, minSize: 7 });

  if (input.status) {
    const tone = TONES[input.status.tone];
    y -= 34;
    const boxHeight = 30 + input.status.facts.length * 15;
    writer.strokeRect(LEFT, y - boxHeight + 14, WIDTH, boxHeight, 1.4, tone);
    writer.text(input.status.title.toLocaleUpperCase(locale), { x: LEFT + 14, y, font: 'bold', size: 13, color: tone, tracking: 1.2, maxWidth: WIDTH - 28, minSize: 8 });
    drawFacts(writer, input.status.facts, locale, LEFT + 14, y - 19, 130, WIDTH - 158);
    y -= boxHeight - 14;
  }

  if (input.note) {
    y -= 30;
    writer.paragraph(input.note, { x: LEFT, y, width: WIDTH, font: 'regular', size: 9.5, color: INK, maxLines: 6, minSize: 7 });
  }

  if (input.acknowledgement) {
    writer.line(LEFT, 86, RIGHT, 86, 0.5, RULE);
    writer.paragraph(input.acknowledgement, { x: LEFT, y: 72, width: WIDTH, font: 'italic', size: 7.5, color: MUTED, align: 'center', leading: 9.5, maxLines: 4, minSize: 6 });
  }
  writer.text(`${input.number} · ${input.issuer.name}`, { x: INVOICE_PAGE[0] / 2, y: 30, font: 'regular', size: 7, color: MUTED, align: 'center', maxWidth: WIDTH, minSize: 5 });
}
