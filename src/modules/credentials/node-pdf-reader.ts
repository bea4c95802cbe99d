import { checkCertificatePdf, readPdfAttachments } from '../../platform/pdf/on-demand.js';
import type { PdfReader } from './verify-file.js';

/** Certificate PDFs read with pdf-lib (attachments) and PDF.js (visible text), as on the server. */
export const nodePdfReader: PdfReader = {
  attachments: (pdf) => readPdfAttachments(pdf),
  visibleFields: (pdf, expected) => checkCertificatePdf(pdf, expected),
};
