import type { Db } from '../../db/client.js';
import { type PublicKey, type StoredKey } from './key-pairs.js';
import { auditKeys, encryptionKeysFor, IssuerKeysError, newKeyRows, publicKeyOf, type IssuerKeyStore } from './key-rows.js';
import { createKeyStore, KEY_ALGORITHMS, type KeySigner, type KeyStore } from './key-store.js';
import { insertSigningKeys, listSigningKeys, lockSigningKeys, setPrivateKey, signingKeysFingerprint } from './repository.js';
import { rotateDatabaseKeys } from './rotate-issuer-keys.js';
import { KeyEncryptionKeys, openPrivateKey, sealPrivateKey } from './sealed-key.js';

export interface DatabaseKeyStoreOptions {
  db: Db;
  controller: string;
  passphrase: string | null;
  now?: Date;
  /** How often signing checks whether another instance rotated the keys. */
  recheckMs?: number;
}

/**
 * Makes sure this deployment has current keys, in one transaction under a lock so instances
 * starting together agree: creates them on first start, adds any algorithm that is missing, and
 * seals plain keys once a passphrase is configured. Refuses keys made for another address.
 */
async function ensureCurrentKeys(db: Db, controller: string, kek: KeyEncryptionKeys | null, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockSigningKeys(tx);
    const rows = await listSigningKeys(tx);
    const current = rows.filter((r) => r.status === 'current');
    const foreign = current.find((r) => r.controller !== controller);
    if (foreign) {
      throw new IssuerKeysError(
        `The issuer keys in the database belong to ${foreign.controller}, but USTA_PUBLIC_URL makes this deployment ${controller}. ` +
          'Set USTA_PUBLIC_URL back, or, if the address really changed, run `usta keys rotate --force` to make keys for the new ' +
          'address (credentials issued under the old address will then no longer verify).',
      );
    }
    if (current.length === 0) {
      const { rows: fresh } = await newKeyRows(controller, kek, now);
      await insertSigningKeys(tx, fresh);
      await auditKeys(tx, 'system', 'created', fresh, now);
      return;
    }
    const missing = KEY_ALGORITHMS.filter((algorithm) => !current.some((r) => r.algorithm === algorithm));
    if (missing.length > 0) {
      const { rows: fresh } = await newKeyRows(controller, kek, now);
      const added = fresh.filter((r) => missing.includes(r.algorithm));
      await insertSigningKeys(tx, added);
      await auditKeys(tx, 'system', 'created', added, now);
    }
    const plain = current.filter((r) => r.privateKey && !r.privateKey.sealed);
    if (kek && plain.length > 0) {
      const salt = KeyEncryptionKeys.newSalt();
      for (const row of plain) {
        if (row.privateKey && !row.privateKey.sealed) await setPrivateKey(tx, row.id, await sealPrivateKey(row.privateKey.jwk, row.id, kek, salt));
      }
      await auditKeys(tx, 'system', 'sealed', plain, now);
    }
  });
}

interface Loaded {
  fingerprint: string;
  published: PublicKey[];
  signing: KeyStore;
}

/** Reads every key and unseals the current ones; a wrong passphrase fails here. */
async function load(db: Db, controller: string, kek: KeyEncryptionKeys | null): Promise<Loaded> {
  const fingerprint = await signingKeysFingerprint(db);
  const rows = await listSigningKeys(db);
  const mine = rows.filter((r) => r.controller === controller && r.status !== 'withdrawn');
  const current: StoredKey[] = [];
  for (const row of mine) {
    if (row.status !== 'current' || !row.privateKey) continue;
    current.push({ ...publicKeyOf(row), privateKeyJwk: await openPrivateKey(row.privateKey, row.id, kek) });
  }
  const published = mine.map(publicKeyOf).sort((a, b) => (a.status === b.status ? 0 : a.status === 'current' ? -1 : 1));
  return { fingerprint, published, signing: createKeyStore({ controller, keys: current }) };
}

/**
 * Issuer keys kept in the `signing_keys` table, shared by every instance of a deployment: private
 * halves sealed with USTA_KEY_PASSPHRASE (plain without one), public halves in the clear so the DID
 * document never needs the passphrase. Signing re-checks now and then whether another process
 * rotated the keys, so every instance moves to the new keys without a restart.
 */
export async function openDatabaseKeyStore(options: DatabaseKeyStoreOptions): Promise<IssuerKeyStore> {
  const { db, controller } = options;
  const recheckMs = options.recheckMs ?? 30_000;
  let kek: KeyEncryptionKeys | null;
  try {
    kek = encryptionKeysFor(options.passphrase);
  } catch (error) {
    throw new IssuerKeysError((error as Error).message);
  }
  await ensureCurrentKeys(db, controller, kek, options.now ?? new Date());
  let state = await load(db, controller, kek);
  let checkedAt = Date.now();
  let pending: Promise<void> | null = null;

  const refresh = async () => {
    pending ??= (async () => {
      try {
        if ((await signingKeysFingerprint(db)) !== state.fingerprint) state = await load(db, controller, kek);
        checkedAt = Date.now();
      } finally {
        pending = null;
      }
    })();
    await pending;
  };

  return {
    controller,
    listKeys: () => [...state.published],
    async refresh() {
      await refresh();
      return [...state.published];
    },
    async signer(algorithm): Promise<KeySigner> {
      if (Date.now() - checkedAt >= recheckMs) await refresh();
      return state.signing.signer(algorithm);
    },
    async rotate(now = new Date()) {
      const fresh = await rotateDatabaseKeys(db, { controller, passphrase: options.passphrase, actor: 'system', now });
      await refresh();
      return fresh;
    },
  };
}
