import type { Db } from '../../db/client.js';
import type { ChainHead } from './repository.js';
import { verifyAuditChain } from './verify-audit-chain.js';

/** `<seq>:<hash>` as printed by an earlier run; null when malformed. */
export function parseAnchor(text: string): ChainHead | null {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { seq: Number(match[1]), hash: match[2]! } : null;
}

/**
 * `usta audit verify [--anchor <seq>:<hash>]`: walks the whole chain; exit status 0 when intact,
 * 1 at the first entry found wrong.
 */
export async function runAuditVerify(db: Db, out: (text: string) => void, anchor?: ChainHead): Promise<number> {
  const result = await verifyAuditChain(db, anchor ? { anchor } : {});
  if (!result.ok) {
    out(`Audit trail BROKEN at entry ${result.problem!.seq} (${result.problem!.kind}): ${result.problem!.detail}.\n`);
    out(`${result.checked} entries before it are intact.\n`);
    return 1;
  }
  const head = result.head!;
  out(`Audit trail intact: ${result.checked} entries.\n`);
  if (head.seq > 0) {
    out(`Anchor: ${head.seq}:${head.hash}\n`);
    out('Keep the anchor somewhere outside Usta (a ticket, an e-mail); `usta audit verify --anchor <anchor>` later proves that nothing up to it changed.\n');
  }
  return 0;
}
