import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { renderCertificatePdf } from './render-certificate.js';
import { sampleCertification, sampleParticipation } from './sample-certificates.js';
import { readCertificateText } from './visible-fields.js';

/** Text as PDF.js extracts it (through each font's ToUnicode map), one string per drawn line. */
async function extractedText(pdf: Uint8Array): Promise<string> {
  return (await readCertificateText(pdf)).text.join('\n');
}

describe('renderCertificatePdf', () => {
  it('renders Uzbek (ʻ U+02BB), Cyrillic and Latvian text that extracts exactly', async () => {
    const text = await extractedText(await renderCertificatePdf(sampleParticipation()));
    expect(text).toContain('Ғуломов Ўктам Шавкатович');
    expect(text).toContain('Gʻulomov Oʻktam Shavkatovich');
    expect(text).toContain('Barqaror yomgʻir suvini boshqarish uchun yashil yechimlar');
    expect(text).toContain('Oʻzbekiston muhandislar assotsiatsiyasi');
    expect(text).toContain('Jānis Bērziņš');
    expect(text).toContain('This training was funded by the European Union.');
    expect(text).toContain('https://usta.example.org/verify/P-2026-000123?code=k3mQ9xTzR2');
    // The turned comma itself, not an apostrophe or a look-alike, comes back out.
    expect([...text].filter((char) => char === '\u02BB').length).toBeGreaterThanOrEqual(6);
    expect(text).not.toContain("G'ulomov");
  });

  it('formats dates and numbers in each of the two locales', async () => {
    const uz = await extractedText(await renderCertificatePdf(sampleParticipation()));
    expect(uz).toContain('12 – 16-may, 2026');
    expect(uz).toContain('12 – 16 May 2026');
    expect(uz).toContain('4,5');
    expect(uz).toContain('4.5');

    const lv = await extractedText(
      await renderCertificatePdf(
        sampleParticipation({
          locales: ['lv-LV', 'en-GB'],
          holder: { name: 'Ķīļu Ģirts Šūņa-Žagare' },
          city: ['Rīga', 'Riga'],
          course: ['Lietusūdens apsaimniekošana ar zaļajiem risinājumiem', 'Green solutions for rainwater management'],
        }),
      ),
    );
    expect(lv).toContain('Ķīļu Ģirts Šūņa-Žagare');
    expect(lv).toContain('Lietusūdens apsaimniekošana ar zaļajiem risinājumiem');
    expect(lv).toContain('2026. gada 16. maijs');

    const ru = await extractedText(
      await renderCertificatePdf(sampleParticipation({ locales: ['ru-RU', 'en-GB'], holder: { name: 'Щёголев Юрий Эдуардович', latinName: 'Shchegolev Yuriy' } })),
    );
    expect(ru).toContain('Щёголев Юрий Эдуардович');
    expect(ru).toContain('16 мая 2026 г.');

    const kk = await extractedText(await renderCertificatePdf(sampleCertification()));
    expect(kk).toContain('Әлімжанова Гүлнұр Қайратқызы');
    expect(kk).toContain('Су шаруашылығы инженерлерін');
    expect(kk).toContain('2029 ж. 1 маусым');
    expect(kk).toContain('KZ-ENG-2026-000123');
  });

  it('prints names typed with combining accents as the precomposed letters', async () => {
    const decomposed = 'Ja\u0304nis Be\u0304rzin\u0327s\u030C';
    const text = await extractedText(await renderCertificatePdf(sampleParticipation({ holder: { name: decomposed } })));
    expect(text).toContain('Jānis Bērziņš');
  });

  it('refuses a character the font cannot show, naming the field, instead of dropping it', async () => {
    const rendering = renderCertificatePdf(sampleParticipation({ holder: { name: 'Ли 李' } }));
    await expect(rendering).rejects.toBeInstanceOf(AppError);
    await expect(rendering).rejects.toMatchObject({ code: 'validation', details: { fields: { 'holder.name': { key: 'invalid', values: { character: '李 U+674E' } } } } });
    await expect(renderCertificatePdf(sampleParticipation({ issuedOn: '2026-02-30' }))).rejects.toMatchObject({ details: { fields: { issuedOn: { key: 'date' } } } });
  });

  it('embeds each font as a small subset whose glyphs have outlines and a ToUnicode map', async () => {
    const pdf = await renderCertificatePdf(sampleParticipation());
    expect(pdf.length).toBeLessThan(40_000);
    const doc = await PDFDocument.load(pdf);
    const fonts = doc.getPage(0).node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    expect(fonts?.keys().map((key) => key.asString())).toEqual(['/F1', '/F2', '/F3']);
    const drawn = new Set<string>();
    for (const key of fonts?.keys() ?? []) {
      const type0 = fonts?.lookup(key, PDFDict);
      expect(type0?.lookup(PDFName.of('ToUnicode'))).toBeInstanceOf(PDFRawStream);
      const cid = type0?.lookup(PDFName.of('DescendantFonts'))?.toString();
      const cidRef = PDFRef.of(Number(/(\d+) 0 R/.exec(cid ?? '')?.[1]));
      const descriptor = doc.context.lookup(cidRef, PDFDict).lookup(PDFName.of('FontDescriptor'), PDFDict);
      const program = decodePDFRawStream(descriptor.lookup(PDFName.of('FontFile2'), PDFStream) as PDFRawStream).decode();
      const font = fontkit.create(program);
      // The subset keeps glyph ids, and the glyphs the page uses are really there.
      for (const char of ['G', 'ʻ', 'Ғ', 'ā']) {
        const glyph = font.glyphForCodePoint(char.codePointAt(0) ?? 0);
        if (glyph.id === 0) continue;
        expect(glyph.path.cbox.maxX).toBeGreaterThan(glyph.path.cbox.minX);
        drawn.add(char);
      }
    }
    expect([...drawn].sort()).toEqual(['G', 'ā', 'ʻ', 'Ғ'].sort());
  });

  it('produces the same bytes for the same input', async () => {
    const first = await renderCertificatePdf(sampleCertification());
    const second = await renderCertificatePdf(sampleCertification());
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
