import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { AppError } from '../../platform/errors.js';
import { KeyFileError, parseKeys, serialiseKeys } from './key-file.js';
import { generateKey, publicPart, type KeyAlgorithm, type PublicKey, type StoredKey } from './key-pairs.js';

/**
 * Signs bytes with one issuer key. The shape is the one Data Integrity suites take, so a key held
 * in a KMS only has to provide this. ES256 signatures are raw `r || s`, as JWS wants them.
 */
export interface KeySigner {
  id: string;
  algorithm: KeyAlgorithm;
  sign(input: { data: Uint8Array }): Promise<Uint8Array>;
}

/** Where issuer keys live. The local file store is the default; a KMS-backed store can replace it. */
export interface KeyStore {
  /** Every key that still verifies, current ones first: what the DID document publishes. */
  listKeys(): PublicKey[];
  /** A signer for the current key of that algorithm. */
  signer(algorithm: KeyAlgorithm): Promise<KeySigner>;
  /** Retires the current keys (they stay published) and makes new current ones. */
  rotate(now?: Date): Promise<PublicKey[]>;
}

export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ['Ed25519', 'ES256'];

async function createSigner(key: StoredKey): Promise<KeySigner> {
  // The key is imported once: importing it again for every signature costs more than the signature.
  const privateKey = crypto.createPrivateKey({ key: key.privateKeyJwk as crypto.JsonWebKey, format: 'jwk' });
  if (key.algorithm === 'Ed25519') {
    // Checks the stored key pair the way Data Integrity suites expect it (public key matches, multikey form).
    await Ed25519Multikey.fromJwk({ jwk: key.privateKeyJwk, secretKey: true, id: key.id });
    return { id: key.id, algorithm: 'Ed25519', sign: async ({ data }) => new Uint8Array(crypto.sign(null, data, privateKey)) };
  }
  return {
    id: key.id,
    algorithm: 'ES256',
    sign: async ({ data }) => new Uint8Array(crypto.sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' })),
  };
}

export interface KeyStoreOptions {
  /** The issuer DID that owns the keys, e.g. `did:web:certs.example.org`. */
  controller: string;
  keys: StoredKey[];
  /** Called with the full key list after every change; the file store writes it out. */
  persist?: (keys: StoredKey[]) => Promise<void>;
}

/** A key store over an in-memory key list; see `openKeyFile` for the on-disk one. */
export function createKeyStore({ controller, keys: initial, persist }: KeyStoreOptions): KeyStore {
  let keys = [...initial];
  const signers = new Map<string, Promise<KeySigner>>();

  const current = (algorithm: KeyAlgorithm) => keys.find((k) => k.algorithm === algorithm && k.status === 'current');

  return {
    listKeys() {
      return [...keys].sort((a, b) => (a.status === b.status ? 0 : a.status === 'current' ? -1 : 1)).map(publicPart);
    },
    async signer(algorithm) {
      const key = current(algorithm);
      if (!key) throw new AppError('internal', { values: { reason: `no current ${algorithm} issuer key` } });
      let signer = signers.get(key.id);
      if (!signer) {
        signer = createSigner(key);
        signers.set(key.id, signer);
      }
      return signer;
    },
    async rotate(now = new Date()) {
      const retired = keys.map((k): StoredKey => (k.status === 'current' ? { ...k, status: 'retired', retiredAt: now.toISOString() } : k));
      const fresh = KEY_ALGORITHMS.map((algorithm) => generateKey({ controller, algorithm, now }));
      const next = [...fresh, ...retired];
      await persist?.(next);
      keys = next;
      return fresh.map(publicPart);
    },
  };
}

export interface OpenKeyFileOptions {
  file: string;
  controller: string;
  /** When set, the file is encrypted with it; otherwise it is plain JSON readable by the owner only. */
  passphrase?: string;
  now?: Date;
}

async function writeKeyFile(file: string, keys: StoredKey[], passphrase: string | undefined): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, serialiseKeys(keys, passphrase === undefined ? {} : { passphrase }), { mode: 0o600 });
  await fs.rename(temp, file);
}

/**
 * Opens the issuer key file, creating it with one current key per algorithm on first start.
 * Keys for another controller (the public URL changed) are refused rather than silently reused.
 */
export async function openKeyFile({ file, controller, passphrase, now = new Date() }: OpenKeyFileOptions): Promise<KeyStore> {
  let keys: StoredKey[];
  try {
    keys = parseKeys(await fs.readFile(file, 'utf8'), passphrase === undefined ? {} : { passphrase });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    keys = KEY_ALGORITHMS.map((algorithm) => generateKey({ controller, algorithm, now }));
    await writeKeyFile(file, keys, passphrase);
  }
  const foreign = keys.find((k) => !k.id.startsWith(`${controller}#`));
  if (foreign) throw new KeyFileError(`Issuer key ${foreign.id} does not belong to ${controller}`);
  for (const algorithm of KEY_ALGORITHMS) {
    if (!keys.some((k) => k.algorithm === algorithm && k.status === 'current')) {
      keys = [generateKey({ controller, algorithm, now }), ...keys];
      await writeKeyFile(file, keys, passphrase);
    }
  }
  return createKeyStore({ controller, keys, persist: (next) => writeKeyFile(file, next, passphrase) });
}
