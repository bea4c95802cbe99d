import type { Bilingual, CertificateSignatory } from './certificate-types.js';
import type { PageWriter, Rgb, TextStyle } from './page-writer.js';
import { qrContent, qrMatrix } from './qr.js';

/** The look both certificates share: colours, frame, headings, signature, QR and acknowledgement. */

export const NAVY: Rgb = [0.08, 0.18, 0.33];
export const GOLD: Rgb = [0.66, 0.52, 0.24];
export const INK: Rgb = [0.11, 0.11, 0.13];
export const MUTED: Rgb = [0.36, 0.38, 0.43];

export function drawFrame(writer: PageWriter, width: number, height: number): void {
  writer.strokeRect(18, 18, width - 36, height - 36, 2.6, NAVY);
  writer.strokeRect(24, 24, width - 48, height - 48, 0.8, GOLD);
  writer.strokeRect(27, 27, width - 54, height - 54, 0.3, GOLD);
  for (const [x, y] of [
    [24, 24],
    [width - 24, 24],
    [24, height - 24],
    [width - 24, height - 24],
  ] as const) {
    diamond(writer, x, y, 7, GOLD);
    diamond(writer, x, y, 3, NAVY);
  }
}

export function diamond(writer: PageWriter, x: number, y: number, radius: number, color: Rgb): void {
  writer.fillPath(
    [
      [x, y + radius],
      [x + radius, y],
      [x, y - radius],
      [x - radius, y],
    ],
    color,
  );
}

/** A short gold rule with a diamond at its middle, under headings and names. */
export function ornamentRule(writer: PageWriter, centerX: number, y: number, halfWidth: number): void {
  writer.line(centerX - halfWidth, y, centerX - 8, y, 0.7, GOLD);
  writer.line(centerX + 8, y, centerX + halfWidth, y, 0.7, GOLD);
  diamond(writer, centerX, y, 3.5, GOLD);
}

export function isBilingual(pair: Bilingual): boolean {
  return pair[0].trim() !== pair[1].trim();
}

/**
 * The first language, wrapped, with the second under it (when it differs). Returns the baseline of
 * the last line drawn.
 */
export function drawPair(
  writer: PageWriter,
  pair: Bilingual,
  at: { centerX: number; y: number; width: number; maxLines?: number },
  first: TextStyle,
  second: TextStyle,
): number {
  const box = { x: at.centerX - at.width / 2, width: at.width, align: 'center' as const, maxLines: at.maxLines ?? 2 };
  const last = writer.paragraph(pair[0], { ...first, ...box, y: at.y, minSize: first.size * 0.7 });
  if (!isBilingual(pair)) return last;
  return writer.paragraph(pair[1], { ...second, ...box, y: last - second.size * 1.45, minSize: second.size * 0.7 });
}

export interface HeadingInput {
  association: Bilingual;
  title: Bilingual;
  locales: readonly [string, string];
}

/** Association, ornament and title; returns the baseline under the title. */
export function drawHeading(writer: PageWriter, input: HeadingInput, centerX: number, top: number, width: number, titleSize: number): number {
  let y = top;
  writer.text(input.association[0], { x: centerX, y, font: 'bold', size: 12.5, color: NAVY, align: 'center', maxWidth: width, minSize: 8, tracking: 0.6 });
  if (isBilingual(input.association)) {
    y -= 14;
    writer.text(input.association[1], { x: centerX, y, font: 'italic', size: 10, color: MUTED, align: 'center', maxWidth: width, minSize: 7 });
  }
  y -= 16;
  ornamentRule(writer, centerX, y, 110);
  y -= titleSize + 8;
  const title = input.title[0].toLocaleUpperCase(input.locales[0]);
  writer.text(title, { x: centerX, y, font: 'bold', size: titleSize, color: NAVY, align: 'center', tracking: titleSize * 0.08, maxWidth: width, minSize: 14 });
  if (isBilingual(input.title)) {
    y -= titleSize * 0.62;
    writer.text(input.title[1], { x: centerX, y, font: 'italic', size: titleSize * 0.46, color: GOLD, align: 'center', maxWidth: width, minSize: 9 });
  }
  return y;
}

/** A small spaced-capitals label such as "SANALAR · DATES". */
export function labelText(pair: Bilingual, locales: readonly [string, string]): string {
  const first = pair[0].toLocaleUpperCase(locales[0]);
  return isBilingual(pair) ? `${first} · ${pair[1].toLocaleUpperCase(locales[1])}` : first;
}

export interface Detail {
  label: Bilingual;
  /** The value in each language; a repeated text prints once. `tag` marks it for the verifier. */
  values: readonly { text: string; tag?: string }[];
}

/** Columns of label over value(s), centred in `width`. */
export function drawDetails(writer: PageWriter, details: readonly Detail[], locales: readonly [string, string], centerX: number, y: number, width: number): void {
  const column = width / details.length;
  details.forEach((detail, index) => {
    const x = centerX - width / 2 + column * (index + 0.5);
    writer.text(labelText(detail.label, locales), { x, y, font: 'regular', size: 7.5, color: MUTED, align: 'center', tracking: 0.6, maxWidth: column - 12, minSize: 5.5 });
    const values = detail.values.filter((value, i) => detail.values.findIndex((other) => other.text === value.text) === i);
    values.forEach((value, line) => {
      const first = line === 0;
      writer.text(value.text, {
        x,
        y: y - 16 - line * 13,
        font: first ? 'bold' : 'italic',
        size: first ? 11 : 10,
        color: first ? INK : MUTED,
        align: 'center',
        maxWidth: column - 12,
        minSize: 7,
        ...(value.tag ? { tag: value.tag } : {}),
      });
    });
  });
}

export function drawSignature(writer: PageWriter, signatory: CertificateSignatory, centerX: number, y: number, width: number): void {
  writer.line(centerX - width / 2, y, centerX + width / 2, y, 0.6, INK);
  writer.text(signatory.name, { x: centerX, y: y - 14, font: 'bold', size: 10.5, color: INK, align: 'center', maxWidth: width, minSize: 7 });
  writer.text(signatory.title[0], { x: centerX, y: y - 26, font: 'regular', size: 8.5, color: MUTED, align: 'center', maxWidth: width, minSize: 6 });
  if (isBilingual(signatory.title)) {
    writer.text(signatory.title[1], { x: centerX, y: y - 37, font: 'italic', size: 8.5, color: MUTED, align: 'center', maxWidth: width, minSize: 6 });
  }
}

/** The QR code, `side` points wide, with its lower-left corner at (x, y). */
export function drawQrCode(writer: PageWriter, url: string, x: number, y: number, side: number): void {
  writer.draw(qrContent(qrMatrix(url), x, y, side));
}

/** "VERIFY AT  https://…" on one centred line, so the address is readable and can be typed. */
export function drawVerificationLine(writer: PageWriter, url: string, label: Bilingual, locales: readonly [string, string], centerX: number, y: number, width: number): void {
  writer.runs(
    [
      { text: labelText(label, locales), font: 'regular', size: 6.5, color: MUTED, tracking: 0.5 },
      { text: url, font: 'regular', size: 8, color: NAVY },
    ],
    centerX,
    y,
    6,
    width,
  );
}

/** The donor's acknowledgement across the foot of the page, first language then second. */
export function drawAcknowledgement(writer: PageWriter, text: Bilingual, centerX: number, y: number, width: number): void {
  const style = { font: 'italic' as const, size: 7.5, color: MUTED, align: 'center' as const, x: centerX - width / 2, width, leading: 9.5, maxLines: 2, minSize: 6.5 };
  const last = writer.paragraph(text[0], { ...style, y });
  if (isBilingual(text)) writer.paragraph(text[1], { ...style, y: last - style.leading });
}
