import type { PdfAttachment, ReadAttachmentsOptions } from './attachments.js';
import type { CertificateInput } from './certificate-types.js';
import type { InvoiceDocumentInput } from './invoice-types.js';
import type { ExpectedCertificateFields, VisibleComparison } from './visible-fields.js';

// pdf-lib, fontkit and PDF.js take about half a second to load, a quarter of the server's start:
// they are loaded by the first document made or read, not when the server or a command starts.

export async function renderCertificatePdf(input: CertificateInput): Promise<Uint8Array> {
  return (await import('./render-certificate.js')).renderCertificatePdf(input);
}

export async function renderInvoicePdf(input: InvoiceDocumentInput): Promise<Uint8Array> {
  return (await import('./invoice-pdf.js')).renderInvoicePdf(input);
}

export async function readPdfAttachments(pdf: Uint8Array, options?: ReadAttachmentsOptions): Promise<PdfAttachment[]> {
  return (await import('./attachments.js')).readPdfAttachments(pdf, options);
}

export async function checkCertificatePdf(pdf: Uint8Array, expected: ExpectedCertificateFields): Promise<VisibleComparison> {
  return (await import('./visible-fields.js')).checkCertificatePdf(pdf, expected);
}
