import type { Db } from '../../db/client.js';
import { appendAudit } from '../audit/append-audit.js';
import { IssuerKeysError } from './key-rows.js';
import { lockSigningKeys, withdrawRetiredKey } from './repository.js';

/**
 * Takes a retired key out of the DID document: every credential it signed stops verifying. This
 * is the answer to a key that leaked; rotate first, so that the key is no longer current.
 */
export async function withdrawIssuerKey(db: Db, options: { id: string; actor: string; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  await db.transaction(async (tx) => {
    await lockSigningKeys(tx);
    if (!(await withdrawRetiredKey(tx, options.id, now))) {
      throw new IssuerKeysError(`No retired key ${options.id}: only retired keys can be withdrawn (rotate first if it is current)`);
    }
    await appendAudit(tx, { actor: options.actor, entity: `signing_key:${options.id}`, action: 'withdrawn', at: now });
  });
}
