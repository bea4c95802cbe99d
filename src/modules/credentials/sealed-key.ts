import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { PrivateKeyEnvelope } from './tables.js';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, length: number, options: crypto.ScryptOptions) => Promise<Buffer>;

/** Same cost as the key file (key-file.ts); stored with each envelope so it can be raised later. */
const SCRYPT = { N: 32768, r: 8, p: 1 } as const;
const MAXMEM = 64 * 1024 * 1024;
export const MIN_PASSPHRASE_LENGTH = 12;

type Sealed = Extract<PrivateKeyEnvelope, { sealed: true }>;

/** Raised when a key cannot be unsealed; the message never holds key material. */
export class SealedKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedKeyError';
  }
}

/**
 * Derives key-encryption keys, one scrypt run per salt. Keys sealed together share a salt, so
 * opening the current keys at start costs one derivation, run off the main thread.
 */
export class KeyEncryptionKeys {
  private readonly derived = new Map<string, Promise<Buffer>>();

  constructor(private readonly passphrase: string) {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new SealedKeyError(`The key passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
    }
  }

  derive(salt: string, params: { N: number; r: number; p: number }): Promise<Buffer> {
    const cacheKey = `${salt}$${params.N}$${params.r}$${params.p}`;
    let key = this.derived.get(cacheKey);
    if (!key) {
      key = scrypt(this.passphrase.normalize('NFC'), Buffer.from(salt, 'base64url'), 32, { ...params, maxmem: MAXMEM });
      this.derived.set(cacheKey, key);
    }
    return key;
  }

  /** A fresh salt for one sealing batch. */
  static newSalt(): string {
    return crypto.randomBytes(16).toString('base64url');
  }
}

/** The envelope's header and the key id, authenticated with the ciphertext: a sealed key cannot be moved to another row. */
function aad(keyId: string, e: Omit<Sealed, 'tag' | 'ciphertext'>): Buffer {
  return Buffer.from(['usta-sealed-key', 1, keyId, e.kdf, e.N, e.r, e.p, e.salt, e.cipher, e.iv].join('$'));
}

export async function sealPrivateKey(jwk: JsonWebKey, keyId: string, keys: KeyEncryptionKeys, salt: string): Promise<Sealed> {
  const iv = crypto.randomBytes(12).toString('base64url');
  const header = { sealed: true, kdf: 'scrypt', ...SCRYPT, salt, cipher: 'aes-256-gcm', iv } as const;
  const cipher = crypto.createCipheriv('aes-256-gcm', await keys.derive(salt, SCRYPT), Buffer.from(iv, 'base64url'));
  cipher.setAAD(aad(keyId, header));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(jwk), 'utf8'), cipher.final()]);
  return { ...header, tag: cipher.getAuthTag().toString('base64url'), ciphertext: ciphertext.toString('base64url') };
}

/** The private JWK in an envelope. Sealed ones need the passphrase they were sealed with. */
export async function openPrivateKey(envelope: PrivateKeyEnvelope, keyId: string, keys: KeyEncryptionKeys | null): Promise<JsonWebKey> {
  if (!envelope.sealed) return envelope.jwk;
  if (!keys) throw new SealedKeyError('The issuer keys are encrypted: set USTA_KEY_PASSPHRASE to the passphrase they were sealed with');
  if (envelope.kdf !== 'scrypt' || envelope.cipher !== 'aes-256-gcm') throw new SealedKeyError(`Issuer key ${keyId} is sealed with an unknown scheme`);
  try {
    const { tag, ciphertext, ...header } = envelope;
    const decipher = crypto.createDecipheriv('aes-256-gcm', await keys.derive(header.salt, header), Buffer.from(header.iv, 'base64url'));
    decipher.setAAD(aad(keyId, header));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as JsonWebKey;
  } catch {
    throw new SealedKeyError('USTA_KEY_PASSPHRASE does not open the issuer keys: it is not the passphrase they were sealed with (or the stored key is damaged)');
  }
}
