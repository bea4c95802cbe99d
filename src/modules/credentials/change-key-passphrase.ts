import type { Db } from '../../db/client.js';
import { auditKeys, encryptionKeysFor, IssuerKeysError } from './key-rows.js';
import { listSigningKeys, lockSigningKeys, setPrivateKey } from './repository.js';
import { KeyEncryptionKeys, openPrivateKey, SealedKeyError, sealPrivateKey } from './sealed-key.js';

export interface ChangeKeyPassphraseOptions {
  /** The passphrase the keys are sealed with now; null when they are unencrypted. */
  from: string | null;
  to: string;
  actor: string;
  now?: Date;
}

/** Seals the current private keys with a new passphrase, in one transaction; returns how many were resealed. */
export async function changeKeyPassphrase(db: Db, options: ChangeKeyPassphraseOptions): Promise<number> {
  const now = options.now ?? new Date();
  let from: KeyEncryptionKeys | null;
  let to: KeyEncryptionKeys;
  try {
    from = encryptionKeysFor(options.from);
    to = new KeyEncryptionKeys(options.to);
  } catch (error) {
    throw new IssuerKeysError((error as Error).message);
  }
  return db.transaction(async (tx) => {
    await lockSigningKeys(tx);
    const current = (await listSigningKeys(tx)).filter((row) => row.status === 'current' && row.privateKey);
    const salt = KeyEncryptionKeys.newSalt();
    for (const row of current) {
      let jwk: JsonWebKey;
      try {
        jwk = await openPrivateKey(row.privateKey!, row.id, from);
      } catch (error) {
        if (error instanceof SealedKeyError) throw new IssuerKeysError(error.message);
        throw error;
      }
      await setPrivateKey(tx, row.id, await sealPrivateKey(jwk, row.id, to, salt));
    }
    await auditKeys(tx, options.actor, 'resealed', current, now);
    return current.length;
  });
}
