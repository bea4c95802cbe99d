import type { Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { requireAuth, type AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRole, REVIEW_ROLES } from './access.js';
import { loadCertificateCredentialText } from './certificate-credential.js';
import { renderCertificateDocument, type DocumentServices } from './certificate-document.js';
import { findCertificate, type CertificateRow } from './certificates-repository.js';

export interface DownloadOptions {
  actor: AuthContext | null;
  id: string;
}

/** Staff and assessors of the association, and the holder signed in as themselves, may have a certificate's files. */
async function readableCertificate(db: DbOrTx, options: DownloadOptions): Promise<CertificateRow> {
  const actor = requireAuth(options.actor);
  const certificate = await findCertificate(db, options.id);
  if (!certificate) throw new AppError('not_found', { values: { what: 'certificate' } });
  if (actor.user.personId === null || actor.user.personId !== certificate.personId) checkRole(actor, certificate.associationId, REVIEW_ROLES);
  return certificate;
}

/** The certificate PDF (with its credential attached), named after its number. */
export async function downloadCertificatePdf(services: DocumentServices, options: DownloadOptions & { locale?: Locale }): Promise<{ fileName: string; pdf: Uint8Array }> {
  const certificate = await readableCertificate(services.db, options);
  return { fileName: `${certificate.number}.pdf`, pdf: await renderCertificateDocument(services, certificate.id, options.locale) };
}

/** The signed credential, byte for byte as it was signed. */
export async function downloadCredentialJson(db: DbOrTx, options: DownloadOptions): Promise<{ fileName: string; json: string }> {
  const certificate = await readableCertificate(db, options);
  const json = await loadCertificateCredentialText(db, certificate.id);
  if (json === null) throw new AppError('not_found', { messageKey: 'certification.errors.no_credential' });
  return { fileName: `${certificate.number}.credential.json`, json };
}
