import { drawAcknowledgement, drawDetails, drawFrame, drawHeading, drawPair, drawSignature, drawQrCode,
  drawVerificationLine, INK, MUTED, NAVY, ornamentRule, type Detail } from './certificate-frame.js';
import type { ParticipationCertificateInput } from './certificate-types.js';
import { formatDate, formatDateRange, formatNumber } from './format.js';
import type { PageWriter } from './page-writer.js';
import { fieldTag } from './text-tags.js';

/** A4 landscape, in points. */
export const PARTICIPATION_PAGE: [number, number] = [841.89, 595.28];

/** Certificate of participation: the holder took part in a training course. */
export function drawParticipationCertificate(writer: PageWriter, input: ParticipationCertificateInput): void {
  const [width, height] = PARTICIPATION_PAGE;
  const centerX = width / 2;
  const { labels, locales } = input;
  drawFrame(writer, width, height);

  let y = drawHeading(writer, { association: input.association, title: labels.title, locales }, centerX, height - 64, 640, 30);
  y = drawPair(writer, labels.certifies, { centerX, y: y - 30, width: 640, maxLines: 1 }, { font: 'regular', size: 11, color: INK }, { font: 'italic', size: 10, color: MUTED });

  y -= 40;
  writer.text(input.holder.name, { x: centerX, y, font: 'bold', size: 28, color: INK, align: 'center', maxWidth: 620, minSize: 14, tag: fieldTag('holderName') });
  if (input.holder.latinName && input.holder.latinName !== input.holder.name) {
    y -= 19;
    writer.text(input.holder.latinName, { x: centerX, y, font: 'italic', size: 13, color: MUTED, align: 'center', maxWidth: 620, minSize: 9, tag: fieldTag('holderNameLatin') });
  }
  ornamentRule(writer, centerX, y - 13, 170);

  y = drawPair(writer, labels.participated, { centerX, y: y - 35, width: 640, maxLines: 1 }, { font: 'regular', size: 11, color: INK }, { font: 'italic', size: 10, color: MUTED });
  y = drawPair(writer, input.course, { centerX, y: y - 26, width: 660, maxLines: 2 }, { font: 'bold', size: 17, color: NAVY }, { font: 'italic', size: 13, color: NAVY });

  const details: Detail[] = [
    { label: labels.dates, values: locales.map((locale) => ({ text: formatDateRange(input.startsOn, input.endsOn, locale) })) },
    { label: labels.city, values: input.city.map((text) => ({ text })) },
  ];
  if (input.hours !== undefined) {
    const hours = input.hours;
    details.push({ label: labels.hours, values: locales.map((locale) => ({ text: formatNumber(hours, locale) })) });
  }
  if (input.cpdCredits !== undefined) {
    const credits = input.cpdCredits;
    details.push({ label: labels.cpdCredits, values: locales.map((locale) => ({ text: formatNumber(credits, locale) })) });
  }
  drawDetails(writer, details, locales, centerX, Math.min(y - 34, 200), 130 * details.length + 60);

  const footY = 128;
  if (input.signatory) drawSignature(writer, input.signatory, 170, footY, 190);
  drawDetails(
    writer,
    [
      { label: labels.number, values: [{ text: input.number, tag: fieldTag('number') }] },
      { label: labels.issuedOn, values: locales.map((locale) => ({ text: formatDate(input.issuedOn, locale), tag: fieldTag('issuedOn', locale) })) },
    ],
    locales,
    centerX + 20,
    footY + 4,
    300,
  );
  drawQrCode(writer, input.verificationUrl, width - 132, footY - 40, 72);
  drawVerificationLine(writer, input.verificationUrl, labels.verify, locales, centerX, 72, 600);

  if (input.acknowledgement) drawAcknowledgement(writer, input.acknowledgement, centerX, 55, 740);
}
