import { PDFArray, PDFDocument, PDFName, type PDFRawStream, type PDFRef, PDFStream, StandardFonts, decodePDFRawStream, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadCertificateFonts } from './font-face.js';
import { renderCertificatePdf } from './render-certificate.js';
import { sampleCertification } from './sample-certificates.js';
import { hex4 } from './to-unicode.js';
import { checkCertificatePdf, readCertificateText, type ExpectedCertificateFields } from './visible-fields.js';

/** What the embedded credential of the sample certificate says. */
const credentialSays: ExpectedCertificateFields = {
  number: 'KZ-ENG-2026-000123',
  holderName: 'Әлімжанова Гүлнұр Қайратқызы',
  holderNameLatin: 'Alimzhanova Gulnur Kairatkyzy',
  issuedOn: '2026-06-02',
  validUntil: '2029-06-01',
};

async function boldGlyphs(text: string): Promise<string> {
  const { bold } = await loadCertificateFonts();
  return [...text].map((char) => hex4(bold.glyphIdOf.get(char.codePointAt(0) ?? 0) ?? 0)).join('');
}

/** Rewrites the drawn glyphs of `from` as those of `to` inside the page's content, keeping everything else. */
async function editInPlace(pdf: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPage(0);
  const ref = page.node.lookup(PDFName.of('Contents'), PDFArray).get(0) as PDFRef;
  const stream = doc.context.lookup(ref, PDFStream) as PDFRawStream;
  const content = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  const [before, after] = [await boldGlyphs(from), await boldGlyphs(to)];
  expect(content).toContain(`<${before}>`);
  doc.context.assign(ref, doc.context.flateStream(content.replace(`<${before}>`, `<${after}>`)));
  return doc.save();
}

describe('visible fields of a certificate', () => {
  it('match the credential on an untouched certificate', async () => {
    const pdf = await renderCertificatePdf(sampleCertification());
    const result = await checkCertificatePdf(pdf, credentialSays);
    expect(result.checks.filter((check) => !check.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    const layer = await readCertificateText(pdf);
    expect(layer.fields).toContainEqual({ field: 'validUntil', locale: 'kk-KZ', text: '2029 ж. 1 маусым' });
    expect(layer.fields).toContainEqual({ field: 'validUntil', locale: 'en-GB', text: '1 June 2029' });
  });

  it('catch a name painted over the original with pdf-lib', async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf(sampleCertification()));
    const page = doc.getPage(0);
    const helvetica = await doc.embedFont(StandardFonts.HelveticaBold);
    page.drawRectangle({ x: 40, y: 560, width: 515, height: 40, color: rgb(1, 1, 1) });
    page.drawText('John Forger', { x: 200, y: 570, size: 26, font: helvetica });
    const result = await checkCertificatePdf(await doc.save(), credentialSays);
    expect(result.ok).toBe(false);
    expect(result.checks).toContainEqual(expect.objectContaining({ name: 'unaltered', ok: false, reason: 'foreign_text', found: 'John Forger' }));
  });

  it('catch a number rewritten in place, even when the forger keeps the page structure', async () => {
    const pdf = await editInPlace(await renderCertificatePdf(sampleCertification()), 'KZ-ENG-2026-000123', 'KZ-ENG-2026-000132');
    const result = await checkCertificatePdf(pdf, credentialSays);
    expect(result.ok).toBe(false);
    expect(result.checks).toContainEqual({ name: 'number', ok: false, reason: 'mismatch', expected: 'KZ-ENG-2026-000123', found: 'KZ-ENG-2026-000132' });
    expect(result.checks).toContainEqual({ name: 'unaltered', ok: true });
  });

  it('catch a holder name rewritten in place', async () => {
    const pdf = await editInPlace(await renderCertificatePdf(sampleCertification()), 'Әлімжанова Гүлнұр Қайратқызы', 'Әлімжанава Гүлнұр Қайратқызы');
    const result = await checkCertificatePdf(pdf, credentialSays);
    expect(result.checks).toContainEqual(expect.objectContaining({ name: 'holderName', ok: false, reason: 'mismatch', found: 'Әлімжанава Гүлнұр Қайратқызы' }));
  });

  it('catch a credential that belongs to another certificate', async () => {
    const pdf = await renderCertificatePdf(sampleCertification());
    const other = { ...credentialSays, number: 'KZ-ENG-2026-000999', validUntil: '2030-06-01' };
    const result = await checkCertificatePdf(pdf, other);
    expect(result.ok).toBe(false);
    expect(result.checks.filter((check) => !check.ok).map((check) => check.name)).toEqual(['number', 'validUntil']);
  });

  it('report a Latin name the credential does not have, and fields it has that the page lacks', async () => {
    const pdf = await renderCertificatePdf(sampleCertification({ holder: { name: 'Әлімжанова Гүлнұр Қайратқызы' } }));
    const { holderNameLatin: _latin, ...withoutLatin } = credentialSays;
    expect((await checkCertificatePdf(pdf, withoutLatin)).ok).toBe(true);
    const result = await checkCertificatePdf(pdf, credentialSays);
    expect(result.checks).toContainEqual({ name: 'holderNameLatin', ok: false, reason: 'missing', expected: 'Alimzhanova Gulnur Kairatkyzy' });
    const latinShown = await renderCertificatePdf(sampleCertification());
    expect((await checkCertificatePdf(latinShown, withoutLatin)).checks).toContainEqual(expect.objectContaining({ name: 'holderNameLatin', reason: 'not_in_credential' }));
  });

  it('report an unreadable file as a failed check', async () => {
    expect(await checkCertificatePdf(new TextEncoder().encode('%PDF-1.7 nonsense'), credentialSays)).toEqual({
      ok: false,
      checks: [{ name: 'readable', ok: false, reason: 'unreadable' }],
    });
  });
});
