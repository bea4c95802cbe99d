import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { loadSubsetFace, type SubsetFace } from './harfbuzz-subset.js';

export type FontStyle = 'regular' | 'bold' | 'italic';

/** A font read once per process: what every document needs to encode, measure and embed it. */
export interface PreparedFont {
  postscriptName: string;
  glyphIdOf: ReadonlyMap<number, number>;
  /** Advance width of each glyph id, in thousandths of an em (the unit PDF widths use). */
  advances: Uint16Array;
  descriptor: {
    bbox: [number, number, number, number];
    ascent: number;
    descent: number;
    capHeight: number;
    italicAngle: number;
    flags: number;
    stemV: number;
  };
  face: SubsetFace;
}

export type CertificateFonts = Record<FontStyle, PreparedFont> & {
  /** True when every style has a glyph for this code point. */
  covers(codePoint: number): boolean;
};

/**
 * DejaVu Serif covers Latin with its extensions (Latvian, Uzbek with ʻ and ʼ), Cyrillic with the
 * Kazakh and Uzbek letters, and Russian — the five interface languages — in a dignified face.
 */
const FILES: Record<FontStyle, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf',
  italic: 'dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf',
};

const FLAG_SERIF = 2;
const FLAG_NONSYMBOLIC = 32;
const FLAG_ITALIC = 64;

async function prepareFont(style: FontStyle): Promise<PreparedFont> {
  const bytes = await readFile(createRequire(import.meta.url).resolve(FILES[style]));
  const font = fontkit.create(bytes);
  const scale = 1000 / font.unitsPerEm;
  const glyphIdOf = new Map<number, number>();
  for (const codePoint of font.characterSet) {
    const id = font.glyphForCodePoint(codePoint).id;
    if (id !== 0) glyphIdOf.set(codePoint, id);
  }
  const advances = new Uint16Array(font.numGlyphs);
  for (let id = 0; id < font.numGlyphs; id++) advances[id] = Math.round(font.getGlyph(id).advanceWidth * scale);
  const { minX, minY, maxX, maxY } = font.bbox;
  return {
    postscriptName: font.postscriptName ?? `DejaVuSerif-${style}`,
    glyphIdOf,
    advances,
    descriptor: {
      bbox: [minX, minY, maxX, maxY].map((value) => Math.round(value * scale)) as [number, number, number, number],
      ascent: Math.round(font.ascent * scale),
      descent: Math.round(font.descent * scale),
      // Older OS/2 tables have no cap height; the ascent stands in, as PDF readers expect a number.
      capHeight: Math.round((Number.isFinite(font.capHeight) && font.capHeight > 0 ? font.capHeight : font.ascent) * scale),
      italicAngle: Number.isFinite(font.italicAngle) ? font.italicAngle : 0,
      flags: FLAG_SERIF | FLAG_NONSYMBOLIC | (style === 'italic' ? FLAG_ITALIC : 0),
      stemV: style === 'bold' ? 140 : 80,
    },
    face: await loadSubsetFace(bytes),
  };
}

let fonts: Promise<CertificateFonts> | undefined;

/** The certificate fonts, read on first use and kept in memory (about 150 ms, once). */
export function loadCertificateFonts(): Promise<CertificateFonts> {
  fonts ??= (async () => {
    const [regular, bold, italic] = await Promise.all([prepareFont('regular'), prepareFont('bold'), prepareFont('italic')]);
    const covered = new Set([...regular.glyphIdOf.keys()].filter((codePoint) => bold.glyphIdOf.has(codePoint) && italic.glyphIdOf.has(codePoint)));
    return { regular, bold, italic, covers: (codePoint: number) => covered.has(codePoint) };
  })();
  fonts.catch(() => {
    fonts = undefined;
  });
  return fonts;
}
