import fs from 'node:fs/promises';
import type { Db } from '../../db/client.js';
import { openDatabaseKeyStore } from './database-key-store.js';
import { KeyFileError } from './key-file.js';
import { IssuerKeysError, type IssuerKeyStore } from './key-rows.js';
import { openKeyFile, type KeySigner, type KeyStore } from './key-store.js';
import { SealedKeyError } from './sealed-key.js';

export interface IssuerKeySettings {
  /** The deployment's did:web. */
  controller: string;
  /** USTA_KEY_PASSPHRASE. */
  passphrase: string | null;
  /** USTA_KEY_FILE: keep the keys in this file instead of the database. */
  keyFile: string | null;
  /** How often signing checks for keys rotated by another process. */
  recheckMs?: number;
}

async function modifiedAt(file: string): Promise<number> {
  return (await fs.stat(file)).mtimeMs;
}

/** The key file (key-file.ts) as an IssuerKeyStore: re-read when another process rewrote it. */
async function openKeyFileStore(file: string, controller: string, passphrase: string | null, recheckMs: number): Promise<IssuerKeyStore> {
  const open = () => openKeyFile({ file, controller, ...(passphrase === null ? {} : { passphrase }) });
  let store: KeyStore = await open();
  let seen = await modifiedAt(file);
  let checkedAt = Date.now();
  const refresh = async () => {
    const now = await modifiedAt(file);
    if (now !== seen) {
      store = await open();
      seen = now;
    }
    checkedAt = Date.now();
  };
  return {
    controller,
    listKeys: () => store.listKeys(),
    async refresh() {
      await refresh();
      return store.listKeys();
    },
    async signer(algorithm): Promise<KeySigner> {
      if (Date.now() - checkedAt >= recheckMs) await refresh();
      return store.signer(algorithm);
    },
    async rotate(now) {
      const fresh = await store.rotate(now);
      seen = await modifiedAt(file);
      return fresh;
    },
  };
}

/**
 * Opens the deployment's issuer keys: from USTA_KEY_FILE when set, otherwise from the database
 * (see docs/decisions/013-issuer-keys-in-the-database.md). Keys are created on first use. Every
 * problem an operator must fix (wrong passphrase, keys of another address) is an IssuerKeysError.
 */
export async function openIssuerKeys(db: Db, settings: IssuerKeySettings): Promise<IssuerKeyStore> {
  const recheckMs = settings.recheckMs ?? 30_000;
  try {
    if (settings.keyFile) return await openKeyFileStore(settings.keyFile, settings.controller, settings.passphrase, recheckMs);
    return await openDatabaseKeyStore({ db, controller: settings.controller, passphrase: settings.passphrase, recheckMs });
  } catch (error) {
    if (error instanceof KeyFileError) throw new IssuerKeysError(`USTA_KEY_FILE ${settings.keyFile ?? ''}: ${error.message}`);
    if (error instanceof SealedKeyError) throw new IssuerKeysError(error.message);
    throw error;
  }
}
