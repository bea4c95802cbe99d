import crypto from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { findCertificateByNumber, type CertificateRow } from './certificates-repository.js';
import type { CertificateStatus, StatusReasonCategory } from './tables.js';

/** What anyone holding a certificate's number and code may learn of it: never the staff's own words. */
export interface PublicCertificate {
  id: string;
  number: string;
  status: CertificateStatus;
  /** Why it was suspended or revoked, as a category; the free-text reason stays with staff. */
  reasonCategory: StatusReasonCategory | null;
  holderName: string;
  holderNameLatin: string | null;
  scheme: Translated;
  level: Translated;
  issuedOn: string;
  validUntil: string;
  /** When the status last changed (with the status-list bits, in one transaction); null if never. */
  statusChangedAt: Date | null;
}

const digest = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest();
/** Compared against when the number is unknown, so that case takes as long as a wrong code. */
const NO_CODE = digest('');

/** Codes are printed in capitals; a reader may type them in either case. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

export function publicCertificateView(row: CertificateRow): PublicCertificate {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    reasonCategory: row.status === 'suspended' || row.status === 'revoked' ? row.statusReasonCategory : null,
    holderName: row.holderName,
    holderNameLatin: row.holderNameLatin,
    scheme: row.schemeName,
    level: row.levelName,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    statusChangedAt: row.statusChangedAt,
  };
}

/**
 * The certificate with this number, if `code` is its verification code. An unknown number and a
 * wrong code give the same answer (null) after the same work, so numbers cannot be probed; the
 * codes are compared in constant time.
 */
export async function findPublicCertificate(db: DbOrTx, number: string, code: string): Promise<PublicCertificate | null> {
  const row = await findCertificateByNumber(db, number);
  const expected = row ? digest(row.verificationCode) : NO_CODE;
  const matches = crypto.timingSafeEqual(expected, digest(normaliseCode(code)));
  if (!row || !matches || code.trim() === '') return null;
  return publicCertificateView(row);
}
