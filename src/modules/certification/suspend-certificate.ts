import type { Db } from '../../db/client.js';
import { changeCertificateStatus, type StatusChangeOptions } from './certificate-status-change.js';
import type { CertificateView } from './certificate-view.js';
import type { CertificationDeps } from './deps.js';

export type SuspendCertificateOptions = StatusChangeOptions;

/** Staff suspend an active certificate with a reason category and a text; it can be reinstated later. */
export async function suspendCertificate(db: Db, deps: CertificationDeps, options: SuspendCertificateOptions): Promise<CertificateView> {
  return changeCertificateStatus(db, deps, 'suspend', options);
}
