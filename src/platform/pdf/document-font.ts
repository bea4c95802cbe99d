import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFRawStream, PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import type { PreparedFont } from './font-face.js';
import { hex4, toUnicodeCMap } from './to-unicode.js';

/**
 * One font as used by one document: records the glyphs drawn, and on `embed` writes a Type 0 font
 * whose TrueType program holds just those glyphs (subset by HarfBuzz, at their original ids).
 */
export class DocumentFont {
  private readonly textOfGlyph = new Map<number, string>();

  constructor(
    private readonly font: PreparedFont,
    /** The resource name the page's content uses for this font, e.g. `F1`. */
    readonly resourceName: string,
  ) {}

  /** Glyph ids as hex digits for a `<…> Tj`. Text must already be checked against the font's coverage. */
  encode(text: string): string {
    let hex = '';
    for (const char of text) {
      const id = this.font.glyphIdOf.get(char.codePointAt(0) ?? 0);
      if (id === undefined) throw new Error(`No glyph for U+${hex4(char.codePointAt(0) ?? 0)} in ${this.font.postscriptName}.`);
      this.textOfGlyph.set(id, char);
      hex += hex4(id);
    }
    return hex;
  }

  /** Width in points; glyphs the font lacks count as nothing (they are refused before drawing). */
  widthOf(text: string, size: number): number {
    let units = 0;
    for (const char of text) {
      const id = this.font.glyphIdOf.get(char.codePointAt(0) ?? 0);
      if (id !== undefined) units += this.font.advances[id] ?? 0;
    }
    return (units * size) / 1000;
  }

  get used(): boolean {
    return this.textOfGlyph.size > 0;
  }

  embed(context: PDFContext): PDFRef {
    const { descriptor } = this.font;
    const glyphIds = [...this.textOfGlyph.keys()].sort((a, b) => a - b);
    const program = this.font.face.subset([...this.textOfGlyph.values()].map((char) => char.codePointAt(0) ?? 0));
    const baseFont = `${subsetTag(this.font.postscriptName, glyphIds)}+${this.font.postscriptName}`;

    const programRef = context.register(
      PDFRawStream.of(context.obj({ Filter: 'FlateDecode', Length1: program.length }), deflateSync(program)),
    );
    const toUnicodeRef = context.register(
      PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), deflateSync(toUnicodeCMap(this.textOfGlyph))),
    );
    const descriptorRef = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: baseFont,
        Flags: descriptor.flags,
        FontBBox: descriptor.bbox,
        ItalicAngle: descriptor.italicAngle,
        Ascent: descriptor.ascent,
        Descent: descriptor.descent,
        CapHeight: descriptor.capHeight,
        StemV: descriptor.stemV,
        FontFile2: programRef,
      }),
    );
    const widths: (number | number[])[] = [];
    for (const id of glyphIds) widths.push(id, [this.font.advances[id] ?? 0]);
    const cidFontRef = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptorRef,
        CIDToGIDMap: 'Identity',
        W: widths,
      }),
    );
    return context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: baseFont,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFontRef],
        ToUnicode: toUnicodeRef,
      }),
    );
  }
}

/** The six-capital-letter subset tag PDF asks for, derived from the glyphs so output is reproducible. */
function subsetTag(name: string, glyphIds: number[]): string {
  const digest = createHash('sha256').update(name).update(glyphIds.join(',')).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + ((digest[i] ?? 0) % 26));
  return tag;
}
