import { deflateSync } from 'node:zlib';
import { PDFName, PDFRawStream, type PDFPage } from 'pdf-lib';
import { DocumentFont } from './document-font.js';
import type { CertificateFonts, FontStyle } from './font-face.js';
import { num, pdfName } from './content-syntax.js';
import { TEXT_TAG } from './text-tags.js';

export type Rgb = readonly [number, number, number];

export interface TextStyle {
  font: FontStyle;
  size: number;
  color?: Rgb;
  /** Extra space between letters, in points (for spaced capitals). */
  tracking?: number;
}

export interface TextOptions extends TextStyle {
  x: number;
  y: number;
  align?: 'left' | 'center' | 'right';
  /** Shrink the size (not below `minSize`) until the text fits this width. */
  maxWidth?: number;
  minSize?: number;
  /** Marked-content tag that lets a verifier find this text again; see text-tags.ts. */
  tag?: string;
}

export interface ParagraphOptions extends TextStyle {
  x: number;
  y: number;
  width: number;
  align?: 'left' | 'center' | 'right';
  leading?: number;
  maxLines?: number;
  minSize?: number;
  tag?: string;
}

const BLACK: Rgb = [0, 0, 0];

/**
 * Draws text and rules on one page. Every piece of text is wrapped in marked content so the
 * verifier can tell the issuer's text from text added later (see visible-fields.ts).
 */
export class PageWriter {
  private readonly fonts: Record<FontStyle, DocumentFont>;
  /** The page's content stream, written directly as PDF syntax (pdf-lib's operator objects cost more than the page). */
  private readonly content: string[] = [];

  constructor(
    readonly page: PDFPage,
    fonts: CertificateFonts,
  ) {
    this.fonts = {
      regular: new DocumentFont(fonts.regular, 'F1'),
      bold: new DocumentFont(fonts.bold, 'F2'),
      italic: new DocumentFont(fonts.italic, 'F3'),
    };
  }

  width(text: string, style: TextStyle): number {
    const tracking = style.tracking ?? 0;
    const letters = [...text].length;
    return this.fonts[style.font].widthOf(text, style.size) + tracking * Math.max(0, letters - 1);
  }

  /** Draws one line; returns the size used (smaller than asked when shrunk to fit). */
  text(text: string, options: TextOptions): number {
    let size = options.size;
    if (options.maxWidth !== undefined) {
      const natural = this.width(text, options);
      if (natural > options.maxWidth) size = Math.max(options.minSize ?? 0, (size * options.maxWidth) / natural);
    }
    const style = { ...options, size, tracking: options.tracking === undefined ? 0 : (options.tracking * size) / options.size };
    const width = this.width(text, style);
    const align = options.align ?? 'left';
    const x = align === 'center' ? options.x - width / 2 : align === 'right' ? options.x - width : options.x;
    const font = this.fonts[options.font];
    const [r, g, b] = options.color ?? BLACK;
    this.content.push(
      `${pdfName(options.tag ?? TEXT_TAG)} BMC BT ${num(r)} ${num(g)} ${num(b)} rg /${font.resourceName} ${num(size)} Tf ${num(style.tracking)} Tc 1 0 0 1 ${num(x)} ${num(options.y)} Tm <${font.encode(text)}> Tj ET EMC`,
    );
    return size;
  }

  /** Pieces of differently styled text on one line, centred together on `centerX`. */
  runs(parts: readonly (TextStyle & { text: string })[], centerX: number, y: number, gap: number, maxWidth: number): void {
    const natural = parts.reduce((sum, part) => sum + this.width(part.text, part), gap * (parts.length - 1));
    const scale = Math.min(1, maxWidth / natural);
    let x = centerX - (natural * scale) / 2;
    for (const part of parts) {
      const style = { ...part, size: part.size * scale, tracking: (part.tracking ?? 0) * scale };
      this.text(part.text, { ...style, x, y });
      x += this.width(part.text, style) + gap * scale;
    }
  }

  /** Breaks text into lines no wider than `width`; `\n` forces a break. */
  wrap(text: string, style: TextStyle, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (!line || this.width(candidate, style) <= width) {
          line = candidate;
        } else {
          lines.push(line);
          line = word;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** Draws wrapped text with its first baseline at `y`; returns the baseline of the last line. */
  paragraph(text: string, options: ParagraphOptions): number {
    let style: TextStyle = options;
    let lines = this.wrap(text, style, options.width);
    // Shrink rather than run past the space the layout gave this text.
    while (options.maxLines !== undefined && lines.length > options.maxLines && style.size > (options.minSize ?? style.size)) {
      style = { ...style, size: Math.max(options.minSize ?? 0, style.size - 0.5) };
      lines = this.wrap(text, style, options.width);
    }
    const leading = ((options.leading ?? options.size * 1.3) * style.size) / options.size;
    const x = options.align === 'center' ? options.x + options.width / 2 : options.align === 'right' ? options.x + options.width : options.x;
    let y = options.y + leading;
    for (const line of lines) {
      y -= leading;
      this.text(line, { ...style, x, y, maxWidth: options.width, align: options.align ?? 'left', ...(options.tag ? { tag: options.tag } : {}) });
    }
    return y;
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number, color: Rgb): void {
    this.content.push(`q ${rgb(color)} RG ${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q`);
  }

  strokeRect(x: number, y: number, width: number, height: number, lineWidth: number, color: Rgb): void {
    this.content.push(`q ${rgb(color)} RG ${num(lineWidth)} w ${num(x)} ${num(y)} ${num(width)} ${num(height)} re S Q`);
  }

  fillPath(points: readonly (readonly [number, number])[], color: Rgb): void {
    const [first, ...rest] = points;
    if (!first) return;
    const path = [`${num(first[0])} ${num(first[1])} m`, ...rest.map(([x, y]) => `${num(x)} ${num(y)} l`)];
    this.content.push(`q ${rgb(color)} rg ${path.join(' ')} f Q`);
  }

  /** Raw content-stream syntax, e.g. a QR code's path. */
  draw(content: string): void {
    this.content.push(content);
  }

  /** Writes the page's single content stream and embeds the fonts it used. */
  finish(): void {
    const { context } = this.page.doc;
    const stream = PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), deflateSync(Buffer.from(this.content.join('\n'), 'latin1')));
    this.page.node.set(PDFName.of('Contents'), context.obj([context.register(stream)]));
    for (const font of Object.values(this.fonts)) {
      if (font.used) this.page.node.setFontDictionary(PDFName.of(font.resourceName), font.embed(this.page.doc.context));
    }
  }
}

function rgb([r, g, b]: Rgb): string {
  return `${num(r)} ${num(g)} ${num(b)}`;
}
