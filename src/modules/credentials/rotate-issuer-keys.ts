import type { Db } from '../../db/client.js';
import type { PublicKey } from './key-pairs.js';
import { auditKeys, encryptionKeysFor, IssuerKeysError, newKeyRows, publicKeyOf } from './key-rows.js';
import { insertSigningKeys, listSigningKeys, lockSigningKeys, retireCurrentKeys } from './repository.js';
import { openPrivateKey, SealedKeyError } from './sealed-key.js';

export interface RotateDatabaseKeysOptions {
  controller: string;
  passphrase: string | null;
  /** Who asked, for the audit trail: `cli`, `system` or `user:<id>`. */
  actor: string;
  now?: Date;
  /**
   * Rotate even when the passphrase does not open the current keys (it was lost) or they belong to
   * an earlier public address: the old keys stay published, and new ones are made and sealed with
   * the passphrase given now.
   */
  force?: boolean;
}

/**
 * Retires the current keys (they stay in the DID document, without their private halves, so what
 * they signed keeps verifying) and makes new current ones, with the audit entries, in one
 * transaction. Unless forced, the passphrase must open the keys it replaces, so that a mistyped
 * passphrase cannot become the one the new keys are sealed with.
 */
export async function rotateDatabaseKeys(db: Db, options: RotateDatabaseKeysOptions): Promise<PublicKey[]> {
  const now = options.now ?? new Date();
  let kek;
  try {
    kek = encryptionKeysFor(options.passphrase);
  } catch (error) {
    throw new IssuerKeysError((error as Error).message);
  }
  return db.transaction(async (tx) => {
    await lockSigningKeys(tx);
    const current = (await listSigningKeys(tx)).filter((r) => r.status === 'current');
    if (!options.force) {
      const foreign = current.find((r) => r.controller !== options.controller);
      if (foreign) {
        throw new IssuerKeysError(`The current keys belong to ${foreign.controller}, not ${options.controller}; add --force to replace them`);
      }
      for (const row of current) {
        try {
          if (row.privateKey) await openPrivateKey(row.privateKey, row.id, kek);
        } catch (error) {
          if (!(error instanceof SealedKeyError)) throw error;
          throw new IssuerKeysError(`${error.message}. If the passphrase is lost, add --force to replace the keys anyway.`);
        }
      }
    }
    const retired = await retireCurrentKeys(tx, now);
    const { rows: fresh } = await newKeyRows(options.controller, kek, now);
    await insertSigningKeys(tx, fresh);
    await auditKeys(
      tx,
      options.actor,
      'retired',
      current.filter((r) => retired.includes(r.id)),
      now,
    );
    await auditKeys(tx, options.actor, 'created', fresh, now);
    return fresh.map(publicKeyOf);
  });
}
