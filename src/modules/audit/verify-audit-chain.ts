import type { Db } from '../../db/client.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { readAuditPage, readChainHead, type ChainHead } from './repository.js';

export type AuditProblemKind =
  /** The entry's content no longer gives its hash: edited, or moved here from elsewhere. */
  | 'altered'
  /** The entry does not follow the one before it: that one was rewritten, or entries between were removed or reordered. */
  | 'unlinked'
  /** A sequence number is absent: the entry was deleted. */
  | 'missing'
  /** The chain head disagrees with the last entry: entries were deleted from, or added to, the end. */
  | 'head_mismatch'
  /** The entry's hash is not the one recorded elsewhere earlier (an anchor): the chain was rewritten from there on. */
  | 'anchor'
  | 'no_head';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The first entry found wrong (its sequence number). */
  seq: number;
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries checked before the first problem (all of them when ok). */
  checked: number;
  head: ChainHead | null;
  problem?: AuditProblem;
}

export interface VerifyAuditOptions {
  /** Entries read per query. */
  batchSize?: number;
  /** An entry's hash written down earlier, outside the database: catches a chain rewritten as a whole. */
  anchor?: ChainHead;
}

/**
 * Walks the whole chain in order, inside one read-only snapshot (so entries appended meanwhile
 * neither pass unchecked nor look like tampering), and stops at the first entry that is wrong.
 */
export async function verifyAuditChain(db: Db, options: VerifyAuditOptions = {}): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 1000;
  return db.transaction(
    async (tx) => {
      const head = await readChainHead(tx);
      if (!head) return { ok: false, checked: 0, head, problem: { kind: 'no_head', seq: 0, detail: 'The audit chain head row is missing' } };
      let expectedSeq = 1;
      let prevHash = GENESIS_HASH;
      let checked = 0;
      const fail = (problem: AuditProblem): AuditVerification => ({ ok: false, checked, head, problem });
      for (;;) {
        const rows = await readAuditPage(tx, expectedSeq - 1, batchSize);
        for (const row of rows) {
          if (row.seq !== expectedSeq) {
            return fail({ kind: 'missing', seq: expectedSeq, detail: `Entry ${expectedSeq} is missing; the next entry is ${row.seq}` });
          }
          if (auditHash(row) !== row.hash) {
            return fail({ kind: 'altered', seq: row.seq, detail: `Entry ${row.seq} does not match its hash: it was edited, or moved from another place` });
          }
          if (row.prevHash !== prevHash) {
            const before = row.seq - 1;
            return fail({
              kind: 'unlinked',
              seq: before,
              detail: `Entry ${row.seq} does not follow entry ${before}: entry ${before} was rewritten, or entries were removed or reordered`,
            });
          }
          if (options.anchor && row.seq === options.anchor.seq && row.hash !== options.anchor.hash) {
            return fail({ kind: 'anchor', seq: row.seq, detail: `Entry ${row.seq} has hash ${row.hash}, not the ${options.anchor.hash} recorded earlier: the log was rewritten` });
          }
          prevHash = row.hash;
          expectedSeq += 1;
          checked += 1;
        }
        if (rows.length < batchSize) break;
      }
      const last = expectedSeq - 1;
      if (head.seq === last && head.hash !== prevHash) {
        return fail({ kind: 'head_mismatch', seq: last, detail: `Entry ${last} was rewritten: its hash is not the one the chain head recorded` });
      }
      if (head.seq > last) {
        return fail({
          kind: 'head_mismatch',
          seq: last + 1,
          detail: `The chain head records ${head.seq} entries but only ${last} are present: entries from ${last + 1} on were deleted`,
        });
      }
      if (head.seq < last) {
        return fail({ kind: 'head_mismatch', seq: head.seq + 1, detail: `Entries from ${head.seq + 1} on were added outside the chain head` });
      }
      if (options.anchor && options.anchor.seq > last) {
        return fail({ kind: 'anchor', seq: options.anchor.seq, detail: `Entry ${options.anchor.seq}, recorded earlier, is no longer in the log` });
      }
      return { ok: true, checked, head };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
