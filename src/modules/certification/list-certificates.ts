import type { DbOrTx } from '../../db/client.js';
import { associationsWithRole, requireAuth, type AuthContext } from '../../platform/auth/access.js';
import { checkRole, REVIEW_ROLES } from './access.js';
import { certificateView, type CertificateView } from './certificate-view.js';
import { listCertificateRows } from './certificates-repository.js';
import type { CertificateStatus } from './tables.js';

export interface ListCertificatesOptions {
  actor: AuthContext | null;
  associationId?: string | undefined;
  status?: CertificateStatus | undefined;
  schemeId?: string | undefined;
  personId?: string | undefined;
  /** Part of the holder's name (either script) or of the number. */
  holder?: string | undefined;
  page: number;
  pageSize: number;
}

export interface CertificatePage {
  items: CertificateView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Certificates of the associations where the caller is staff, an administrator or an assessor; newest first. */
export async function listCertificates(db: DbOrTx, options: ListCertificatesOptions): Promise<CertificatePage> {
  const auth = requireAuth(options.actor);
  let associationIds: string[] | null;
  if (options.associationId) {
    checkRole(auth, options.associationId, REVIEW_ROLES);
    associationIds = [options.associationId];
  } else associationIds = associationsWithRole(auth, REVIEW_ROLES);
  const holder = options.holder?.trim() || undefined;
  const { items, total } = await listCertificateRows(db, {
    associationIds,
    status: options.status,
    schemeId: options.schemeId,
    personId: options.personId,
    holder,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  });
  return { items: items.map(certificateView), total, page: options.page, pageSize: options.pageSize };
}
