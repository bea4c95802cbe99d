import { inflateSync, deflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';

/**
 * What a forger does with a text editor: open the page's content stream and change the holder's
 * name where it is drawn, leaving everything else (fonts, the attached credential) as it was.
 * The name is drawn as glyph ids, so the new name may use only letters the old one has.
 */
export async function replaceHolderName(pdf: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const page = doc.getPage(0);
  const contents = page.node.get(PDFName.of('Contents'));
  const ref = contents instanceof PDFArray && contents.size() === 1 ? contents.get(0) : contents;
  if (!(ref instanceof PDFRef)) throw new Error('expected one content stream');
  const stream = doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) throw new Error('expected a raw content stream');
  const content = inflateSync(stream.getContents()).toString('latin1');

  const drawn = /\/UstaField:holderName BMC BT (.*?)<([0-9A-Fa-f]+)> Tj ET EMC/g;
  let replaced = 0;
  const edited = content.replace(drawn, (_all, operators: string, hex: string) => {
    const glyphs = hex.match(/.{4}/g) ?? [];
    const letters = [...from];
    if (glyphs.length !== letters.length) throw new Error(`the name is drawn with ${glyphs.length} glyphs for ${letters.length} letters`);
    const glyphOf = new Map(letters.map((letter, i) => [letter, glyphs[i]!]));
    const next = [...to].map((letter) => {
      const glyph = glyphOf.get(letter);
      if (!glyph) throw new Error(`“${letter}” is not in “${from}”`);
      return glyph;
    });
    replaced += 1;
    return `/UstaField:holderName BMC BT ${operators}<${next.join('')}> Tj ET EMC`;
  });
  if (replaced === 0) throw new Error('the holder’s name is not on the page');
  doc.context.assign(ref, PDFRawStream.of(stream.dict, deflateSync(Buffer.from(edited, 'latin1'))));
  return doc.save({ updateFieldAppearances: false });
}
