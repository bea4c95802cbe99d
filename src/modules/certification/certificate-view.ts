import type { Translated } from '../../platform/i18n/translated.js';
import type { CertificateEventRow, CertificateRow } from './certificates-repository.js';
import type { CertificateOrigin, CertificateStatus, StatusReasonCategory } from './tables.js';

/** What staff see of a certificate; the status-list positions stay inside. */
export interface CertificateView {
  id: string;
  associationId: string;
  number: string;
  verificationCode: string;
  status: CertificateStatus;
  holder: { personId: string; name: string; nameLatin: string | null };
  scheme: { id: string; name: Translated };
  level: { id: string; name: Translated };
  issuedOn: string;
  validUntil: string;
  origin: CertificateOrigin;
  applicationId: string | null;
  replaces: { id: string; number: string } | null;
  replacedBy: { id: string; number: string } | null;
  statusReasonCategory: StatusReasonCategory | null;
  statusReason: string | null;
  statusChangedAt: Date | null;
  createdAt: Date;
}

export interface CertificateDetail extends CertificateView {
  history: CertificateEventRow[];
}

export function certificateView(c: CertificateRow): CertificateView {
  return {
    id: c.id,
    associationId: c.associationId,
    number: c.number,
    verificationCode: c.verificationCode,
    status: c.status,
    holder: { personId: c.personId, name: c.holderName, nameLatin: c.holderNameLatin },
    scheme: { id: c.schemeId, name: c.schemeName },
    level: { id: c.levelId, name: c.levelName },
    issuedOn: c.issuedOn,
    validUntil: c.validUntil,
    origin: c.origin,
    applicationId: c.applicationId,
    replaces: c.replacesId && c.replacesNumber ? { id: c.replacesId, number: c.replacesNumber } : null,
    replacedBy: c.replacedById && c.replacedByNumber ? { id: c.replacedById, number: c.replacedByNumber } : null,
    statusReasonCategory: c.statusReasonCategory,
    statusReason: c.statusReason,
    statusChangedAt: c.statusChangedAt,
    createdAt: c.createdAt,
  };
}
