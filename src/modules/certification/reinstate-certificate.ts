import type { Db } from '../../db/client.js';
import { changeCertificateStatus, type StatusChangeOptions } from './certificate-status-change.js';
import type { CertificateView } from './certificate-view.js';
import type { CertificationDeps } from './deps.js';

export type ReinstateCertificateOptions = StatusChangeOptions;

/** Staff lift a suspension; a revoked or expired certificate cannot be reinstated. */
export async function reinstateCertificate(db: Db, deps: CertificationDeps, options: ReinstateCertificateOptions): Promise<CertificateView> {
  return changeCertificateStatus(db, deps, 'reinstate', options);
}
