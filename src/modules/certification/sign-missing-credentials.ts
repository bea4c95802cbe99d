import type { Db } from '../../db/client.js';
import type { ScheduledPass } from '../../platform/jobs/schedule.js';
import { appendAuditEntries } from '../audit/append-audit.js';
import { sharedProofPool, type ProofPool } from '../credentials/proof-pool.js';
import { announceCertificateChanges, certificatesChanged } from './certificate-changes.js';
import { certificatesWithCredential, lockCertificatesWithoutCredential } from './certificate-credentials-repository.js';
import { findCertificates, setStatusPositions } from './certificates-repository.js';
import type { CertificationDeps } from './deps.js';
import { issueRun } from './issue-run.js';

/** Certificates signed per transaction: a pass cut short keeps every batch it committed. */
const BATCH = 100;

export interface SignMissingOptions {
  batch?: number;
  /** Stop after this many batches (the rest is left for the next pass). */
  maxBatches?: number;
  /** Worker threads for the proofs; null signs on this thread. */
  pool?: ProofPool | null;
}

/**
 * Gives every certificate issued before credentials existed its signed credential, exactly once:
 * in batches, each in its own transaction that locks its certificates (SKIP LOCKED, so servers
 * running it at once share the work), checks afresh that none has a credential, gives status-list
 * positions to any certificate without them (its bit set when it is revoked or suspended), signs
 * and stores the credentials, and appends an audit entry for each. A pass that stops half way is
 * resumed by the next one; a certificate that has a credential is never signed again.
 */
export async function signMissingCredentials(db: Db, deps: Pick<CertificationDeps, 'credentials' | 'statusLists'>, options: SignMissingOptions = {}): Promise<{ signed: number }> {
  const batch = options.batch ?? BATCH;
  const pool = options.pool === undefined ? sharedProofPool() : options.pool;
  let signed = 0;
  for (let round = 0; options.maxBatches === undefined || round < options.maxBatches; round++) {
    // Keys are opened outside the transaction (the embedded database has one connection).
    const signer = await deps.credentials.signer();
    const { listed, done } = await db.transaction(async (tx) => {
      const locked = await lockCertificatesWithoutCredential(tx, batch);
      const already = await certificatesWithCredential(tx, locked);
      const ids = locked.filter((id) => !already.has(id));
      let rows = await findCertificates(tx, ids);
      const unplaced = rows.filter((r) => r.revocationListId === null || r.suspensionListId === null);
      if (unplaced.length > 0) {
        const positions = await deps.statusLists.allocateMany(tx, unplaced.length);
        for (const [i, row] of unplaced.entries()) {
          const position = positions[i];
          if (!position) continue;
          await setStatusPositions(tx, row.id, {
            revocationListId: position.revocation.listId,
            revocationIndex: position.revocation.index,
            suspensionListId: position.suspension.listId,
            suspensionIndex: position.suspension.index,
          });
          if (row.storedStatus === 'revoked') await deps.statusLists.set(tx, position.revocation, true);
          if (row.storedStatus === 'suspended') await deps.statusLists.set(tx, position.suspension, true);
        }
        rows = await findCertificates(tx, ids);
      }
      const run = issueRun(pool);
      const pending = [];
      for (const row of rows) pending.push(await signer.prepare(tx, row, { run }));
      await signer.store(tx, pending);
      await appendAuditEntries(
        tx,
        rows.map((row) => ({ actor: 'system', entity: `certificate:${row.id}`, action: 'credential_signed', data: { number: row.number, credentialKey: signer.keyId } })),
      );
      // The verification pages show a certificate's credential checks: what they kept is stale.
      await announceCertificateChanges(tx, rows.map((r) => r.id));
      return { listed: locked.length, done: rows.map((r) => r.id) };
    });
    certificatesChanged(db, done);
    signed += done.length;
    if (listed < batch) break;
  }
  return { signed };
}

/** The upgrade pass: soon after every start, and then hourly, until no certificate lacks its credential. */
export function signMissingCredentialsPass(db: Db, deps: Pick<CertificationDeps, 'credentials' | 'statusLists'>): ScheduledPass {
  return { name: 'certificate_credentials_upgrade', everyMs: 60 * 60_000, run: () => signMissingCredentials(db, deps) };
}
