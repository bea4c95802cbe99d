import { createCanvas } from '@napi-rs/canvas';
import jsQRModule from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrRuns } from './qr.js';
import { renderCertificatePdf } from './render-certificate.js';
import { sampleCertification, sampleParticipation } from './sample-certificates.js';

// jsqr is CommonJS whose typings declare an ES default export.
type DecodeQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = (jsQRModule as unknown as { default?: DecodeQr }).default ?? (jsQRModule as unknown as DecodeQr);

/** Rasterises page 1 the way a viewer does, and reads the QR code off the picture as a phone would. */
async function decodeQrOnPage(pdf: Uint8Array): Promise<string | undefined> {
  const loading = getDocument({ data: pdf, verbosity: 0 });
  const doc = await loading.promise;
  try {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: 2 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
  } finally {
    await loading.destroy();
  }
}

describe('QR code', () => {
  it('covers exactly the dark modules of the matrix with its rectangles', () => {
    const matrix = qrMatrix('https://usta.example.org/verify/UZ-ENG-2026-000123?code=Qx7Lm2PzV8');
    const covered = new Set<string>();
    for (const run of qrRuns(matrix)) for (let i = 0; i < run.length; i++) covered.add(`${run.row}:${run.column + i}`);
    let dark = 0;
    for (let row = 0; row < matrix.size; row++) {
      for (let column = 0; column < matrix.size; column++) {
        expect(covered.has(`${row}:${column}`)).toBe(matrix.isDark(row, column));
        if (matrix.isDark(row, column)) dark++;
      }
    }
    expect(dark).toBeGreaterThan(matrix.size * 4);
  });

  it('decodes to the verification URL from the rendered certificate of participation', async () => {
    const input = sampleParticipation();
    expect(await decodeQrOnPage(await renderCertificatePdf(input))).toBe(input.verificationUrl);
  });

  it('decodes to the verification URL from the rendered certificate of certification', async () => {
    const input = sampleCertification({ verificationUrl: 'https://registry.example.kz/verify/KZ-ENG-2026-000777?code=Zr5Nw8QcT1' });
    expect(await decodeQrOnPage(await renderCertificatePdf(input))).toBe(input.verificationUrl);
  });
});
