/**
 * Milliseconds per certificate of participation, over 1,000 documents (mean and p95), against the
 * naive way measured in the same run: pdf-lib embedding the three DejaVu Serif fonts with its own
 * per-document subsetting (fontkit) and drawing the same texts and QR code. Goal: ≤ 10 ms.
 * Also prints the file sizes and the peak resident memory of the process.
 *
 *   npx tsx bench/participation-pdf.ts [documents, default 1000] [baseline documents, default 50]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { ParticipationCertificateInput } from '../src/platform/pdf/certificate-types.js';
import { loadCertificateFonts } from '../src/platform/pdf/font-face.js';
import { qrMatrix, qrRuns } from '../src/platform/pdf/qr.js';
import { renderCertificatePdf } from '../src/platform/pdf/render-certificate.js';
import { sampleParticipation } from '../src/platform/pdf/sample-certificates.js';

const GOAL_MS = 10;
const documents = Number(process.argv[2] ?? 1000);
const baselineDocuments = Number(process.argv[3] ?? 50);

const HOLDERS = [
  { name: 'Ғуломов Ўктам Шавкатович', latinName: 'Gʻulomov Oʻktam Shavkatovich' },
  { name: 'Jānis Bērziņš' },
  { name: 'Әлімжанова Гүлнұр Қайратқызы', latinName: 'Alimzhanova Gulnur Kairatkyzy' },
  { name: 'Щёголев Юрий Эдуардович', latinName: 'Shchegolev Yuriy Eduardovich' },
  { name: 'Oʻrinboyeva Gʻulnora' },
];

function inputFor(index: number): ParticipationCertificateInput {
  const number = `P-2026-${String(index + 1).padStart(6, '0')}`;
  return sampleParticipation({
    holder: HOLDERS[index % HOLDERS.length] ?? { name: 'Test' },
    number,
    verificationUrl: `https://usta.example.org/verify/${number}?code=${(index * 7919).toString(36).padStart(10, 'x')}`,
  });
}

/** Every string the certificate prints, with the style it is printed in. */
type Printed = { text: string; font: 0 | 1 | 2 };

function printedTexts(input: ParticipationCertificateInput): Printed[] {
  const { labels } = input;
  const pairs = [labels.title, labels.certifies, labels.participated, labels.dates, labels.city, labels.hours, labels.cpdCredits, labels.number, labels.issuedOn, labels.verify];
  const printed: Printed[] = [
    ...input.association.map((text) => ({ text, font: 1 as const })),
    ...pairs.flat().map((text) => ({ text, font: 0 as const })),
    { text: input.holder.name, font: 1 },
    { text: input.holder.latinName ?? '', font: 2 },
    ...input.course.map((text) => ({ text, font: 1 as const })),
    ...input.city.map((text) => ({ text, font: 1 as const })),
    { text: input.number, font: 1 },
    { text: input.verificationUrl, font: 0 },
    { text: input.signatory?.name ?? '', font: 1 },
    ...(input.acknowledgement ?? []).map((text) => ({ text, font: 2 as const })),
  ];
  return printed.filter((item) => item.text);
}

const require = createRequire(import.meta.url);
const fullFonts = ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSerif-Italic.ttf'].map((file) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));

/** The naive way: pdf-lib's embedFont with subset: true, three fonts per document. */
async function naiveCertificate(input: ParticipationCertificateInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = await Promise.all(fullFonts.map((bytes) => doc.embedFont(bytes, { subset: true })));
  const page = doc.addPage([841.89, 595.28]);
  let y = 560;
  for (const { text, font } of printedTexts(input)) {
    page.drawText(text, { x: 40, y, size: 9, font: fonts[font], color: rgb(0.1, 0.1, 0.1) });
    y -= 14;
  }
  const matrix = qrMatrix(input.verificationUrl);
  const module = 72 / matrix.size;
  for (const run of qrRuns(matrix)) {
    page.drawRectangle({ x: 690 + run.column * module, y: 60 + (matrix.size - 1 - run.row) * module, width: run.length * module, height: module, color: rgb(0, 0, 0) });
  }
  return doc.save();
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)] ?? NaN;
}

async function measure(count: number, render: (input: ParticipationCertificateInput) => Promise<Uint8Array>) {
  for (let i = 0; i < 5; i++) await render(inputFor(i));
  const times: number[] = [];
  let bytes = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const input = inputFor(i);
    const t0 = performance.now();
    bytes += (await render(input)).length;
    times.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  times.sort((a, b) => a - b);
  return { mean: total / count, p95: percentile(times, 0.95), cpu: (cpu.user + cpu.system) / 1000 / count, meanBytes: bytes / count };
}

const prepareStart = performance.now();
await loadCertificateFonts();
const prepareMs = performance.now() - prepareStart;

const ours = await measure(documents, renderCertificatePdf);
const naive = await measure(baselineDocuments, naiveCertificate);
const peakRssMiB = process.resourceUsage().maxRSS / 1024;

const ms = (value: number) => value.toFixed(2).padStart(7);
console.log(`participation PDF, ${documents} documents: mean ${ms(ours.mean)} ms   p95 ${ms(ours.p95)} ms   CPU ${ms(ours.cpu)} ms   ${(ours.meanBytes / 1024).toFixed(1)} KiB each`);
console.log(`naive pdf-lib subsetting, ${baselineDocuments} documents: mean ${ms(naive.mean)} ms   p95 ${ms(naive.p95)} ms   CPU ${ms(naive.cpu)} ms   ${(naive.meanBytes / 1024).toFixed(1)} KiB each`);
console.log(`ratio (naive / ours): ${(naive.mean / ours.mean).toFixed(1)}x faster`);
console.log(`fonts prepared once in ${prepareMs.toFixed(0)} ms; peak RSS ${peakRssMiB.toFixed(0)} MiB`);
console.log(`load average during the run: ${os.loadavg().map((value) => value.toFixed(1)).join(' ')} on ${os.cpus().length} cores (other work on the machine slows every figure alike)`);
console.log(`goal ≤ ${GOAL_MS} ms per document: ${ours.mean <= GOAL_MS ? 'met' : 'NOT met'}`);
