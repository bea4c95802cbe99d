import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { formatDate } from './format.js';
import { CERTIFICATE_FIELDS, isIssuerTag, parseFieldTag, type CertificateField } from './text-tags.js';

/**
 * Reads back what a certificate shows, so a verifier can hold it against the signed credential
 * inside. The issuer tags every piece of text it draws, and tags the values that matter with their
 * field (text-tags.ts). Editing a certificate then shows in one of three ways:
 *  - a tagged value is changed in place: it no longer equals the credential's value;
 *  - text is drawn over the page (the usual way tools "edit" a PDF): it carries no issuer tag,
 *    and the page gains content streams, annotations, forms or images the issuer never writes;
 *  - the credential is swapped for another: the visible values no longer match that one.
 * Text is read with PDF.js through each font's ToUnicode map, as a viewer's copy and paste would.
 */

export interface VisibleField {
  field: CertificateField;
  /** The locale a date was formatted in. */
  locale?: string;
  text: string;
}

export interface CertificateTextLayer {
  pages: number;
  /** Every piece of text, in drawing order. */
  text: string[];
  fields: VisibleField[];
  /** Text without the issuer's tag: drawn onto the page after it was issued. */
  foreignText: string[];
  /** Parts of the page the issuer never writes, e.g. "annotation:FreeText", "content-streams:3". */
  foreignContent: string[];
}

/** Throws if the bytes are not a readable PDF. */
export async function readCertificateText(pdf: Uint8Array): Promise<CertificateTextLayer> {
  const foreignContent = await inspectStructure(pdf);
  const loading = getDocument({ data: pdf.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const doc = await loading.promise;
    const layer: CertificateTextLayer = { pages: doc.numPages, text: [], fields: [], foreignText: [], foreignContent };
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true });
      const tags: string[] = [];
      let current: { tag: string | undefined; text: string } | undefined;
      const flush = () => {
        if (current && current.text.trim()) record(layer, current.tag, current.text);
        current = undefined;
      };
      for (const item of content.items) {
        if ('str' in item) {
          const tag = tags.at(-1);
          if (current && current.tag !== tag) flush();
          current ??= { tag, text: '' };
          current.text += item.str;
        } else if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          flush();
          // PDF.js reports the tag's name on these items; its published types leave it out.
          tags.push((item as { tag?: string }).tag ?? '');
        } else if (item.type === 'endMarkedContent') {
          flush();
          tags.pop();
        }
      }
      flush();
    }
    return layer;
  } finally {
    await loading.destroy();
  }
}

function record(layer: CertificateTextLayer, tag: string | undefined, text: string): void {
  layer.text.push(text);
  if (tag === undefined || !isIssuerTag(tag)) {
    layer.foreignText.push(text);
    return;
  }
  const field = parseFieldTag(tag);
  if (field) layer.fields.push({ ...field, text });
}

async function inspectStructure(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const found: string[] = [];
  if (doc.catalog.has(PDFName.of('AcroForm'))) found.push('form');
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
    const streams = resolved instanceof PDFArray ? resolved.size() : resolved instanceof PDFStream ? 1 : 0;
    if (streams !== 1) found.push(`content-streams:${streams}`);
    const annotations = page.node.Annots();
    for (let i = 0; i < (annotations?.size() ?? 0); i++) {
      const annotation = annotations?.lookup(i, PDFDict);
      found.push(`annotation:${annotation?.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? 'unknown'}`);
    }
    const images = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    if (images && images.keys().length > 0) found.push('xobject');
  }
  return found;
}

export interface ExpectedCertificateFields {
  number: string;
  holderName: string;
  holderNameLatin?: string;
  /** YYYY-MM-DD */
  issuedOn?: string;
  validUntil?: string;
}

export interface VisibleCheck {
  name: 'readable' | 'single_page' | 'unaltered' | CertificateField;
  ok: boolean;
  reason?: 'unreadable' | 'pages' | 'foreign_text' | 'foreign_content' | 'missing' | 'mismatch' | 'not_in_credential';
  expected?: string;
  found?: string;
}

export interface VisibleComparison {
  ok: boolean;
  checks: VisibleCheck[];
}

function same(a: string, b: string): boolean {
  const clean = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return clean(a) === clean(b);
}

function expectedText(value: string, locale: string | undefined, dated: boolean): string | undefined {
  if (!dated) return value;
  if (!locale) return undefined;
  try {
    return formatDate(value, locale);
  } catch {
    return undefined;
  }
}

/** Holds what the certificate shows against what the credential says, check by check. */
export function compareVisibleFields(layer: CertificateTextLayer, expected: ExpectedCertificateFields): VisibleComparison {
  const checks: VisibleCheck[] = [{ name: 'single_page', ok: layer.pages === 1, ...(layer.pages === 1 ? {} : { reason: 'pages' as const, found: String(layer.pages) }) }];
  if (layer.foreignText.length > 0) {
    checks.push({ name: 'unaltered', ok: false, reason: 'foreign_text', found: layer.foreignText.join(' | ') });
  } else if (layer.foreignContent.length > 0) {
    checks.push({ name: 'unaltered', ok: false, reason: 'foreign_content', found: layer.foreignContent.join(', ') });
  } else {
    checks.push({ name: 'unaltered', ok: true });
  }
  for (const field of CERTIFICATE_FIELDS) {
    const value = expected[field];
    const shown = layer.fields.filter((item) => item.field === field);
    if (value === undefined) {
      if (shown.length > 0) checks.push({ name: field, ok: false, reason: 'not_in_credential', found: shown.map((item) => item.text).join(' | ') });
      continue;
    }
    if (shown.length === 0) {
      checks.push({ name: field, ok: false, reason: 'missing', expected: value });
      continue;
    }
    const dated = field === 'issuedOn' || field === 'validUntil';
    const wrong = shown.find((item) => {
      const text = expectedText(value, item.locale, dated);
      return text === undefined || !same(text, item.text);
    });
    checks.push(
      wrong
        ? { name: field, ok: false, reason: 'mismatch', expected: expectedText(value, wrong.locale, dated) ?? value, found: wrong.text }
        : { name: field, ok: true },
    );
  }
  return { ok: checks.every((check) => check.ok), checks };
}

/** Reads and compares in one step; an unreadable file is a failed check, not an exception. */
export async function checkCertificatePdf(pdf: Uint8Array, expected: ExpectedCertificateFields): Promise<VisibleComparison> {
  let layer: CertificateTextLayer;
  try {
    layer = await readCertificateText(pdf);
  } catch {
    return { ok: false, checks: [{ name: 'readable', ok: false, reason: 'unreadable' }] };
  }
  return compareVisibleFields(layer, expected);
}
