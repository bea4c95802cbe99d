import { drawAcknowledgement, drawDetails, drawFrame, drawHeading, drawPair, drawSignature, drawQrCode,
  drawVerificationLine, INK, MUTED, NAVY, isBilingual, labelText, ornamentRule } from './certificate-frame.js';
import type { CertificationCertificateInput } from './certificate-types.js';
import { formatDate } from './format.js';
import type { PageWriter } from './page-writer.js';
import { fieldTag } from './text-tags.js';

/** A4 portrait, in points. */
export const CERTIFICATION_PAGE: [number, number] = [595.28, 841.89];

/** Certificate of certification: the holder is certified under a scheme, at a level, until a date. */
export function drawCertificationCertificate(writer: PageWriter, input: CertificationCertificateInput): void {
  const [width, height] = CERTIFICATION_PAGE;
  const centerX = width / 2;
  const { labels, locales } = input;
  drawFrame(writer, width, height);

  let y = drawHeading(writer, { association: input.association, title: labels.title, locales }, centerX, height - 72, 470, 34);
  y = drawPair(writer, labels.certifies, { centerX, y: y - 44, width: 460, maxLines: 1 }, { font: 'regular', size: 11, color: INK }, { font: 'italic', size: 10, color: MUTED });

  y -= 44;
  writer.text(input.holder.name, { x: centerX, y, font: 'bold', size: 26, color: INK, align: 'center', maxWidth: 460, minSize: 13, tag: fieldTag('holderName') });
  if (input.holder.latinName && input.holder.latinName !== input.holder.name) {
    y -= 19;
    writer.text(input.holder.latinName, { x: centerX, y, font: 'italic', size: 13, color: MUTED, align: 'center', maxWidth: 460, minSize: 9, tag: fieldTag('holderNameLatin') });
  }
  ornamentRule(writer, centerX, y - 14, 150);

  y = drawPair(writer, labels.certified, { centerX, y: y - 44, width: 460, maxLines: 2 }, { font: 'regular', size: 11, color: INK }, { font: 'italic', size: 10, color: MUTED });
  y = drawPair(writer, input.scheme, { centerX, y: y - 32, width: 470, maxLines: 3 }, { font: 'bold', size: 17, color: NAVY }, { font: 'italic', size: 13, color: NAVY });

  y -= 40;
  writer.text(labelText(labels.level, locales), { x: centerX, y, font: 'regular', size: 7.5, color: MUTED, align: 'center', tracking: 0.6, maxWidth: 460, minSize: 5.5 });
  y = drawPair(writer, input.level, { centerX, y: y - 20, width: 460, maxLines: 1 }, { font: 'bold', size: 15, color: INK }, { font: 'italic', size: 12, color: MUTED });

  drawDetails(
    writer,
    [
      { label: labels.number, values: [{ text: input.number, tag: fieldTag('number') }] },
      { label: labels.issuedOn, values: locales.map((locale) => ({ text: formatDate(input.issuedOn, locale), tag: fieldTag('issuedOn', locale) })) },
      { label: labels.validUntil, values: locales.map((locale) => ({ text: formatDate(input.validUntil, locale), tag: fieldTag('validUntil', locale) })) },
    ],
    locales,
    centerX,
    Math.min(y - 50, 330),
    480,
  );

  const footY = 200;
  if (input.signatory) drawSignature(writer, input.signatory, 175, footY, 190);
  drawQrCode(writer, input.verificationUrl, width - 165, footY - 58, 92);
  drawVerificationLine(writer, input.verificationUrl, labels.verify, locales, centerX, 122, 480);

  if (input.credential && labels.attachedCredential) {
    const note = labels.attachedCredential;
    writer.text(note[0], { x: centerX, y: 104, font: 'italic', size: 7.5, color: NAVY, align: 'center', maxWidth: 470, minSize: 5.5 });
    if (isBilingual(note)) writer.text(note[1], { x: centerX, y: 94, font: 'italic', size: 7.5, color: NAVY, align: 'center', maxWidth: 470, minSize: 5.5 });
  }
  if (input.acknowledgement) drawAcknowledgement(writer, input.acknowledgement, centerX, 72, 480);
}
