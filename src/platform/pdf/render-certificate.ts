import { PDFDocument } from 'pdf-lib';
import { AppError, fieldError } from '../errors.js';
import { attachFiles } from './attachments.js';
import { CERTIFICATION_PAGE, drawCertificationCertificate } from './certification-layout.js';
import type { CertificateInput } from './certificate-types.js';
import { loadCertificateFonts, type CertificateFonts } from './font-face.js';
import { parseCalendarDate } from './format.js';
import { PageWriter } from './page-writer.js';
import { drawParticipationCertificate, PARTICIPATION_PAGE } from './participation-layout.js';

/**
 * Draws a certificate of participation (A4 landscape) or of certification (A4 portrait, with the
 * signed credential attached). The fonts are prepared once per process; each document embeds a
 * subset holding only the glyphs it shows (docs/decisions: how certificates are made fast).
 */
export async function renderCertificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const fonts = await loadCertificateFonts();
  const normalized = normalizeTexts(input);
  checkInput(normalized, fonts);

  const doc = await PDFDocument.create({ updateMetadata: false });
  const title = `${normalized.labels.title[0]} ${normalized.number}`;
  const producedAt = normalized.producedAt ?? new Date();
  doc.setTitle(title);
  doc.setAuthor(normalized.association[0]);
  doc.setCreator('Usta');
  doc.setProducer('Usta');
  doc.setCreationDate(producedAt);
  doc.setModificationDate(producedAt);
  doc.setLanguage(normalized.locales[0]);

  const page = doc.addPage(normalized.kind === 'participation' ? PARTICIPATION_PAGE : CERTIFICATION_PAGE);
  const writer = new PageWriter(page, fonts);
  switch (normalized.kind) {
    case 'participation':
      drawParticipationCertificate(writer, normalized);
      break;
    case 'certification':
      drawCertificationCertificate(writer, normalized);
      await attachFiles(doc, normalized.credential ? [normalized.credential] : []);
      break;
  }
  writer.finish();
  return doc.save();
}

/**
 * Texts are drawn in Unicode normalisation form C, so a name typed with combining accents
 * (e.g. "e" + U+0304) prints and extracts as the precomposed letter ("ē").
 */
function normalizeTexts<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normalizeTexts(item)) as T;
  if (value instanceof Uint8Array || value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'credential' ? item : normalizeTexts(item)])) as T;
}

// Making a formatter to test a locale costs more than the rest of the check: test each one once.
const knownLocales = new Set<string>();

const NOT_PRINTED = new Set(['kind', 'locales', 'credential', 'producedAt']);
const DATES = ['issuedOn', 'validUntil', 'startsOn', 'endsOn'] as const;

/**
 * Refuses, naming the field, any character the certificate font cannot show: a glyph must never
 * silently go missing from a certificate.
 */
function checkInput(input: CertificateInput, fonts: CertificateFonts): void {
  for (const [index, locale] of input.locales.entries()) {
    if (knownLocales.has(locale)) continue;
    try {
      new Intl.DateTimeFormat(locale);
      knownLocales.add(locale);
    } catch {
      throw fieldError(`locales.${index}`, 'invalid');
    }
  }
  for (const key of DATES) {
    const value = (input as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    try {
      if (typeof value !== 'string') throw new RangeError(key);
      parseCalendarDate(value);
    } catch {
      throw fieldError(key, 'date');
    }
  }
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const char of value) {
        const codePoint = char.codePointAt(0) ?? 0;
        if (char === '\n' && path.startsWith('acknowledgement')) continue;
        if (!fonts.covers(codePoint)) {
          const shown = codePoint < 0x20 ? '' : `${char} `;
          throw new AppError('validation', { fields: { [path]: { key: 'invalid', values: { character: `${shown}U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}` } } } });
        }
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}.${index}`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) if (!NOT_PRINTED.has(key)) visit(item, path ? `${path}.${key}` : key);
    }
  };
  visit(input, '');
}
