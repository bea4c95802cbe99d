import {
  PDFName,
  beginMarkedContent,
  beginText,
  endMarkedContent,
  endText,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setCharacterSpacing,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { DocumentFont } from './document-font.js';
import type { CertificateFonts, FontStyle } from './font-face.js';
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
  private readonly operators: PDFOperator[] = [];

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
    this.operators.push(
      beginMarkedContent(PDFName.of(options.tag ?? TEXT_TAG)),
      beginText(),
      setFillingRgbColor(r, g, b),
      setFontAndSize(font.resourceName, round(size)),
      setCharacterSpacing(round(style.tracking)),
      setTextMatrix(1, 0, 0, 1, round(x), round(options.y)),
      showText(font.encode(text)),
      endText(),
      endMarkedContent(),
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
    this.operators.push(
      pushGraphicsState(),
      setStrokingRgbColor(...color),
      setLineWidth(width),
      moveTo(round(x1), round(y1)),
      lineTo(round(x2), round(y2)),
      stroke(),
      popGraphicsState(),
    );
  }

  strokeRect(x: number, y: number, width: number, height: number, lineWidth: number, color: Rgb): void {
    this.operators.push(
      pushGraphicsState(),
      setStrokingRgbColor(...color),
      setLineWidth(lineWidth),
      rectangle(round(x), round(y), round(width), round(height)),
      stroke(),
      popGraphicsState(),
    );
  }

  fillPath(points: readonly (readonly [number, number])[], color: Rgb): void {
    const [first, ...rest] = points;
    if (!first) return;
    this.operators.push(pushGraphicsState(), setFillingRgbColor(...color), moveTo(round(first[0]), round(first[1])));
    for (const [x, y] of rest) this.operators.push(lineTo(round(x), round(y)));
    this.operators.push(fill(), popGraphicsState());
  }

  draw(operators: PDFOperator[]): void {
    this.operators.push(...operators);
  }

  /** Writes the page's single content stream and embeds the fonts it used. */
  finish(): void {
    this.page.pushOperators(...this.operators);
    for (const font of Object.values(this.fonts)) {
      if (font.used) this.page.node.setFontDictionary(PDFName.of(font.resourceName), font.embed(this.page.doc.context));
    }
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
