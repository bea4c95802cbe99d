import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { attachFiles, readPdfAttachments } from './attachments.js';
import { renderCertificatePdf } from './render-certificate.js';
import { sampleCertification } from './sample-certificates.js';

const credential = new TextEncoder().encode(
  JSON.stringify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'Әлімжанова Гүлнұр' }),
);

describe('attachments', () => {
  it('carries the signed credential inside the certificate and reads it back byte for byte', async () => {
    const pdf = await renderCertificatePdf(
      sampleCertification({
        credential: { name: 'credential.json', bytes: credential, mimeType: 'application/ld+json', description: 'Signed Open Badges 3.0 credential' },
      }),
    );
    const attachments = await readPdfAttachments(pdf);
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ name: 'credential.json', mimeType: 'application/ld+json', relationship: 'Data', description: 'Signed Open Badges 3.0 credential' });
    expect(Buffer.from(attachments[0]?.bytes ?? []).equals(Buffer.from(credential))).toBe(true);

    const doc = await PDFDocument.load(pdf);
    expect(doc.catalog.lookup(PDFName.of('AF'), PDFArray).size()).toBe(1);
  });

  it('lists no attachments when there are none', async () => {
    expect(await readPdfAttachments(await renderCertificatePdf(sampleCertification()))).toEqual([]);
  });

  it('keeps several files, each with its own relationship', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    await attachFiles(doc, [
      { name: 'credential.jwt', bytes: new TextEncoder().encode('eyJhbGciOiJFUzI1NiJ9.e30.c2ln'), mimeType: 'application/jwt', relationship: 'Alternative' },
      { name: 'credential.json', bytes: credential, mimeType: 'application/ld+json', relationship: 'Source' },
    ]);
    const attachments = await readPdfAttachments(await doc.save());
    expect(attachments.map((file) => [file.name, file.relationship]).sort()).toEqual([
      ['credential.json', 'Source'],
      ['credential.jwt', 'Alternative'],
    ]);
  });

  it('refuses to inflate an attachment past the size limit', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    await attachFiles(doc, [{ name: 'big.json', bytes: new Uint8Array(200_000).fill(32), mimeType: 'application/json' }]);
    const pdf = await doc.save();
    expect(deflateSync(new Uint8Array(200_000)).length).toBeLessThan(1000);
    await expect(readPdfAttachments(pdf, { maxBytes: 100_000 })).rejects.toMatchObject({ code: 'payload_too_large' });
    expect((await readPdfAttachments(pdf, { maxBytes: 300_000 }))[0]?.bytes.length).toBe(200_000);
  });

  it('refuses bytes that are not a PDF', async () => {
    await expect(readPdfAttachments(new TextEncoder().encode('not a pdf'))).rejects.toBeInstanceOf(AppError);
  });
});
