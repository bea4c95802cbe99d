import type { Db } from '../../db/client.js';
import type { ScheduledPass } from '../../platform/jobs/schedule.js';
import { appendAudit } from '../audit/append-audit.js';
import { announceCertificateChanges, certificatesChanged } from './certificate-changes.js';
import { insertCertificateEvent, lockDueForExpiry, markExpired } from './certificates-repository.js';

/** Certificates expired per transaction: keeps each pass's locks short. */
const BATCH = 200;

/**
 * Records the end of validity: active and suspended certificates past their last valid day (in
 * their association's zone) become expired, with a history and an audit entry each. Reads never
 * wait for it (a certificate past its last day already reads as expired); this pass makes the
 * change part of the record. Safe to run on several servers at once: due rows are claimed with
 * SKIP LOCKED.
 */
export async function expireCertificates(db: Db): Promise<{ expired: number }> {
  let expired = 0;
  for (;;) {
    const ids = await db.transaction(async (tx) => {
      const due = await lockDueForExpiry(tx, BATCH);
      await announceCertificateChanges(tx, due.map((c) => c.id));
      for (const c of due) {
        await markExpired(tx, c.id);
        await insertCertificateEvent(tx, { certificateId: c.id, actorId: null, action: 'expired' });
        await appendAudit(tx, { actor: 'system', entity: `certificate:${c.id}`, action: 'expired', data: { from: c.storedStatus, validUntil: c.validUntil } });
      }
      return due.map((c) => c.id);
    });
    certificatesChanged(db, ids);
    expired += ids.length;
    if (ids.length < BATCH) return { expired };
  }
}

/** The background passes of certification: the expiry of certificates, a few times a day. */
export function certificationPasses(db: Db): ScheduledPass[] {
  return [{ name: 'certificate_expiry', everyMs: 6 * 60 * 60_000, run: () => expireCertificates(db) }];
}
