import type { Db } from '../../db/client.js';
import { changeCertificateStatus, type StatusChangeOptions } from './certificate-status-change.js';
import type { CertificateView } from './certificate-view.js';
import type { CertificationDeps } from './deps.js';

export type RevokeCertificateOptions = StatusChangeOptions;

/** Staff revoke a certificate with a reason category and a text; revocation is final. */
export async function revokeCertificate(db: Db, deps: CertificationDeps, options: RevokeCertificateOptions): Promise<CertificateView> {
  return changeCertificateStatus(db, deps, 'revoke', options);
}
