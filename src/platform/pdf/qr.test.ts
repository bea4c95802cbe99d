import { describe, expect, it } from 'vitest';
import { qrMatrix, qrRuns } from './qr.js';
import { renderCertificatePdf } from './render-certificate.js';
import { sampleCertification, sampleParticipation } from './sample-certificates.js';
import { scanQrCode } from '../../../test/scan-qr.js';

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
    expect(await scanQrCode(await renderCertificatePdf(input))).toBe(input.verificationUrl);
  });

  it('decodes to the verification URL from the rendered certificate of certification', async () => {
    const input = sampleCertification({ verificationUrl: 'https://registry.example.kz/verify/KZ-ENG-2026-000777?code=Zr5Nw8QcT1' });
    expect(await scanQrCode(await renderCertificatePdf(input))).toBe(input.verificationUrl);
  });
});
