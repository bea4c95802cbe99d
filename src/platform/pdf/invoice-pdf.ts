import { PDFDocument } from 'pdf-lib';
import { AppError, fieldError } from '../errors.js';
import { loadCertificateFonts, type CertificateFonts } from './font-face.js';
import { parseCalendarDate } from './format.js';
import { drawInvoice, INVOICE_PAGE } from './invoice-layout.js';
import type { InvoiceDocumentInput } from './invoice-types.js';
import { PageWriter } from './page-writer.js';

/**
 * Draws an invoice (A4 portrait, one page) with the certificate fonts: subset per document,
 * prepared once per process (docs/decisions/002), so names in any of the platform's scripts print
 * and extract exactly.
 */
export async function renderInvoicePdf(input: InvoiceDocumentInput): Promise<Uint8Array> {
  const fonts = await loadCertificateFonts();
  const normalized = normalizeTexts(input);
  checkInput(normalized, fonts);

  const doc = await PDFDocument.create({ updateMetadata: false });
  const producedAt = normalized.producedAt ?? new Date();
  doc.setTitle(`${normalized.labels.title} ${normalized.number}`);
  doc.setAuthor(normalized.issuer.name);
  doc.setCreator('Usta');
  doc.setProducer('Usta');
  doc.setCreationDate(producedAt);
  doc.setModificationDate(producedAt);
  doc.setLanguage(normalized.locale);

  const writer = new PageWriter(doc.addPage(INVOICE_PAGE), fonts);
  drawInvoice(writer, normalized);
  writer.finish();
  return doc.save();
}

/** Texts are drawn in Unicode normalisation form C, so a name typed with combining marks prints as precomposed letters. */
function normalizeTexts<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normalizeTexts(item)) as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizeTexts(item)])) as T;
}

/** Refuses, naming the field, a bad date or a character the fonts cannot show: nothing silently goes missing. */
function checkInput(input: InvoiceDocumentInput, fonts: CertificateFonts): void {
  try {
    new Intl.NumberFormat(input.locale, { style: 'currency', currency: input.currency });
  } catch {
    throw fieldError(/^[A-Z]{3}$/.test(input.currency) ? 'locale' : 'currency', 'invalid');
  }
  const dates: Array<[string, string]> = [
    ['issuedOn', input.issuedOn],
    ['dueOn', input.dueOn],
    ...(input.facts ?? []).flatMap((fact, i): Array<[string, string]> => ('date' in fact ? [[`facts.${i}.date`, fact.date]] : [])),
    ...(input.status?.facts ?? []).flatMap((fact, i): Array<[string, string]> => ('date' in fact ? [[`status.facts.${i}.date`, fact.date]] : [])),
  ];
  for (const [field, value] of dates) {
    try {
      parseCalendarDate(value);
    } catch {
      throw fieldError(field, 'date');
    }
  }
  input.lines.forEach((line, i) => {
    if (!Number.isFinite(line.amount)) throw fieldError(`lines.${i}.amount`, 'number');
  });
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const char of value) {
        const codePoint = char.codePointAt(0) ?? 0;
        if (char === '\n' && (path === 'note' || path === 'acknowledgement')) continue;
        if (!fonts.covers(codePoint)) {
          const shown = codePoint < 0x20 ? '' : `${char} `;
          throw new AppError('validation', { fields: { [path]: { key: 'invalid', values: { character: `${shown}U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}` } } } });
        }
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}.${index}`));
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) if (key !== 'locale' && key !== 'currency') visit(item, path ? `${path}.${key}` : key);
    }
  };
  visit(input, '');
}
