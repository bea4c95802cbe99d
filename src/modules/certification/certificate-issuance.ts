import type { Tx } from '../../db/client.js';
import crypto from 'node:crypto';
import { nextNumbersInSequence } from '../../platform/sequences/next-in-sequence.js';
import { appendAuditEntries } from '../audit/append-audit.js';
import type { CertificateSigner, PendingCredential } from './certificate-credential.js';
import { certificateNumber, newVerificationCode, numberScope } from './certificate-numbers.js';
import { findCertificates, insertCertificateEvents, insertCertificates, type CertificateRow } from './certificates-repository.js';
import type { CertificationDeps } from './deps.js';
import { startAhead, type IssueRun } from './issue-run.js';
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

/** A certificate written but for its credential and audit entry: its credential is being signed. */
export interface StartedCertificate {
  row: CertificateRow;
  values: NewCertificate;
  pending: PendingCredential;
}

/**
 * The first part of writing certificates: status-list positions, numbers from each scheme's
 * gap-free sequence for the year (a batch takes its numbers in one step, in order), the rows and
 * the first entry of their history; then each credential is built and its signing started. A bulk
 * run writes the next batch while this one is being signed. A batch costs a handful of statements.
 */
export async function startCertificates(tx: Tx, deps: Pick<CertificationDeps, 'statusLists'>, list: NewCertificate[], run?: IssueRun): Promise<StartedCertificate[]> {
  if (list.length === 0) return [];
  const positions = await deps.statusLists.allocateMany(tx, list.length);
  const sequences: number[] = [];
  const bySequence = new Map<string, number[]>();
  for (const [i, values] of list.entries()) {
    const key = `${numberScope(values.schemeId)}/${values.numberYear}`;
    bySequence.set(key, [...(bySequence.get(key) ?? []), i]);
  }
  for (const indices of bySequence.values()) {
    const first = list[indices[0]!]!;
    const taken = await nextNumbersInSequence(tx, numberScope(first.schemeId), first.numberYear, indices.length);
    indices.forEach((i, k) => (sequences[i] = taken[k]!));
  }
  const rows = list.map((values, i) => {
    const position = positions[i] ?? null;
    return {
      id: crypto.randomUUID(),
      associationId: values.associationId,
      schemeId: values.schemeId,
      levelId: values.levelId,
      personId: values.personId,
      applicationId: values.applicationId,
      origin: values.origin,
      number: certificateNumber(values.numberPrefix, values.numberYear, sequences[i]!),
      year: values.numberYear,
      sequence: sequences[i]!,
      holderName: values.holderName,
      holderNameLatin: values.holderNameLatin,
      issuedOn: values.issuedOn,
      validUntil: values.validUntil,
      verificationCode: newVerificationCode(),
      replacesId: values.replacesId,
      revocationListId: position?.revocation.listId ?? null,
      revocationIndex: position?.revocation.index ?? null,
      suspensionListId: position?.suspension.listId ?? null,
      suspensionIndex: position?.suspension.index ?? null,
      issuedBy: values.actorId,
    };
  });
  await insertCertificates(tx, rows);
  await insertCertificateEvents(
    tx,
    rows.map((row, i) => ({ certificateId: row.id, actorId: list[i]!.actorId, action: 'issued', note: list[i]!.note ?? null })),
  );
  const found = new Map((await findCertificates(tx, rows.map((r) => r.id))).map((row) => [row.id, row]));
  const started: StartedCertificate[] = [];
  for (const [i, values] of list.entries()) {
    const row = found.get(rows[i]!.id)!;
    const pending = await values.signer.prepare(tx, row, {
      ...(values.creditsEarned === undefined ? {} : { creditsEarned: values.creditsEarned }),
      ...(run ? { run } : {}),
    });
    started.push({ row, values, pending });
  }
  return started;
}

/** The last part: the signed credentials, then the audit entries (last: they lock the chain head). */
export async function finishCertificates(tx: Tx, started: StartedCertificate[]): Promise<CertificateRow[]> {
  const signers = new Map<CertificateSigner, PendingCredential[]>();
  for (const { values, pending } of started) signers.set(values.signer, [...(signers.get(values.signer) ?? []), pending]);
  for (const [signer, pending] of signers) await signer.store(tx, pending);
  await appendAuditEntries(
    tx,
    started.map(({ row, values, pending }) => ({
      actor: auditActor(values.actorId),
      entity: `certificate:${row.id}`,
      action: 'issued',
      data: {
        number: row.number,
        origin: values.origin,
        schemeId: values.schemeId,
        levelId: values.levelId,
        issuedOn: values.issuedOn,
        validUntil: values.validUntil,
        ...(values.applicationId ? { applicationId: values.applicationId } : {}),
        ...(values.replacesId ? { replacesId: values.replacesId } : {}),
        credentialKey: pending.keyId,
      },
    })),
  );
  return started.map((s) => s.row);
}

/**
 * Writes a new certificate in the caller's transaction: its status-list positions, a number from
 * the scheme's gap-free sequence for the year, the first entry of its history, its signed
 * credential, and the audit entry (last: it locks the chain head). Everything commits together or
 * not at all, so a certificate never exists without its credential, and a retry that finds the
 * certificate signs nothing again.
 */
export async function writeCertificate(tx: Tx, deps: Pick<CertificationDeps, 'statusLists'>, values: NewCertificate, run?: IssueRun): Promise<CertificateRow> {
  const [row] = await finishCertificates(tx, await startCertificates(tx, deps, [values], run));
  return row!;
}

/** Certificates written per batch in a run, and batches signed ahead of the one being finished. */
export const BATCH_SIZE = 25;

/**
 * Writes many certificates in the caller's transaction, as `writeCertificate` writes one, in
 * batches: while the proofs of one batch are made (in the run's worker threads), the next batch
 * is written; batches are finished in order. `finished` hears of each batch once it is written.
 */
export async function writeCertificates(
  tx: Tx,
  deps: Pick<CertificationDeps, 'statusLists'>,
  list: NewCertificate[],
  run: IssueRun,
  finished: (rows: CertificateRow[]) => Promise<void> | void = () => undefined,
): Promise<void> {
  const batches = Array.from({ length: Math.ceil(list.length / BATCH_SIZE) }, (_, i) => list.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE));
  await startAhead(
    batches,
    1,
    (batch) => startCertificates(tx, deps, batch, run),
    async (started) => finished(await finishCertificates(tx, started)),
  );
}
