import type { Tx } from '../../db/client.js';
import { nextInSequence } from '../../platform/sequences/next-in-sequence.js';
import { appendAudit } from '../audit/append-audit.js';
import type { CertificateSigner } from './certificate-credential.js';
import { certificateNumber, newVerificationCode, numberScope } from './certificate-numbers.js';
import { findCertificate, insertCertificate, insertCertificateEvent, type CertificateRow } from './certificates-repository.js';
import type { CertificationDeps } from './deps.js';
import type { CertificateOrigin } from './tables.js';

export interface NewCertificate {
  associationId: string;
  schemeId: string;
  numberPrefix: string;
  levelId: string;
  personId: string;
  applicationId: string | null;
  replacesId: string | null;
  origin: CertificateOrigin;
  holderName: string;
  holderNameLatin: string | null;
  issuedOn: string;
  validUntil: string;
  /** The year the number is taken in: the year of the day it is issued. */
  numberYear: number;
  actorId: string | null;
  note?: string | null;
  /** Signs the certificate's credential; obtained before the transaction (certificate-credential.ts). */
  signer: CertificateSigner;
  /** CPD credits the credential records as earned (a renewal's). */
  creditsEarned?: number;
}

/** `user:<id>` for a person's action, `system` for the platform's own. */
export function auditActor(actorId: string | null): string {
  return actorId ? `user:${actorId}` : 'system';
}

/**
 * Writes a new certificate in the caller's transaction: its status-list positions, a number from
 * the scheme's gap-free sequence for the year (taken last but one, so the sequence row is held
 * briefly), the first entry of its history, its signed credential, and the audit entry (last: it
 * locks the chain head). Everything commits together or not at all, so a certificate never exists
 * without its credential, and a retry that finds the certificate signs nothing again.
 */
export async function writeCertificate(tx: Tx, deps: Pick<CertificationDeps, 'statusLists'>, values: NewCertificate): Promise<CertificateRow> {
  const positions = await deps.statusLists.allocate(tx);
  const sequence = await nextInSequence(tx, numberScope(values.schemeId), values.numberYear);
  const number = certificateNumber(values.numberPrefix, values.numberYear, sequence);
  const id = await insertCertificate(tx, {
    associationId: values.associationId,
    schemeId: values.schemeId,
    levelId: values.levelId,
    personId: values.personId,
    applicationId: values.applicationId,
    origin: values.origin,
    number,
    year: values.numberYear,
    sequence,
    holderName: values.holderName,
    holderNameLatin: values.holderNameLatin,
    issuedOn: values.issuedOn,
    validUntil: values.validUntil,
    verificationCode: newVerificationCode(),
    replacesId: values.replacesId,
    revocationListId: positions?.revocation.listId ?? null,
    revocationIndex: positions?.revocation.index ?? null,
    suspensionListId: positions?.suspension.listId ?? null,
    suspensionIndex: positions?.suspension.index ?? null,
    issuedBy: values.actorId,
  });
  await insertCertificateEvent(tx, { certificateId: id, actorId: values.actorId, action: 'issued', note: values.note ?? null });
  const row = (await findCertificate(tx, id))!;
  const { keyId } = await values.signer.issue(tx, row, values.creditsEarned === undefined ? {} : { creditsEarned: values.creditsEarned });
  await appendAudit(tx, {
    actor: auditActor(values.actorId),
    entity: `certificate:${id}`,
    action: 'issued',
    data: {
      number,
      origin: values.origin,
      schemeId: values.schemeId,
      levelId: values.levelId,
      issuedOn: values.issuedOn,
      validUntil: values.validUntil,
      ...(values.applicationId ? { applicationId: values.applicationId } : {}),
      ...(values.replacesId ? { replacesId: values.replacesId } : {}),
      credentialKey: keyId,
    },
  });
  return row;
}
