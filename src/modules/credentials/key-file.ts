import crypto from 'node:crypto';
import { type StoredKey } from './key-pairs.js';

const FORMAT = 'usta-issuer-keys';
/** scrypt cost for the key-encryption key; parameters are stored so they can be raised later. */
const SCRYPT = { N: 32768, r: 8, p: 1 } as const;
const MAXMEM = 64 * 1024 * 1024;

interface PlainKeyFile {
  format: typeof FORMAT;
  version: 1;
  keys: StoredKey[];
}

interface EncryptedKeyFile {
  format: typeof FORMAT;
  version: 1;
  encryption: {
    kdf: 'scrypt';
    N: number;
    r: number;
    p: number;
    salt: string;
    cipher: 'aes-256-gcm';
    iv: string;
    tag: string;
  };
  ciphertext: string;
}

/** Raised when the key file cannot be read; the message says what to fix and never holds key material. */
export class KeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFileError';
  }
}

/** The authenticated header, in a fixed order so reformatting the file does not break it. */
function headerAad(h: Omit<EncryptedKeyFile['encryption'], 'tag'>): Buffer {
  return Buffer.from([FORMAT, 1, h.kdf, h.N, h.r, h.p, h.salt, h.cipher, h.iv].join('$'));
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: MAXMEM });
}

/**
 * Serialises keys for storage. With a passphrase the key list is sealed with AES-256-GCM under a
 * scrypt-derived key (the file header is authenticated as well); without one it is plain JSON
 * that the caller must write with mode 0600.
 */
export function serialiseKeys(keys: StoredKey[], options: { passphrase?: string } = {}): string {
  const plain: PlainKeyFile = { format: FORMAT, version: 1, keys };
  if (options.passphrase === undefined) return `${JSON.stringify(plain, null, 2)}\n`;
  if (options.passphrase.length < 12) throw new KeyFileError('The key passphrase must have at least 12 characters');
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', deriveKey(options.passphrase, salt, SCRYPT), iv);
  const header = { kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64url'), cipher: 'aes-256-gcm', iv: iv.toString('base64url') } as const;
  cipher.setAAD(headerAad(header));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(keys), 'utf8'), cipher.final()]);
  const file: EncryptedKeyFile = {
    format: FORMAT,
    version: 1,
    encryption: { ...header, tag: cipher.getAuthTag().toString('base64url') },
    ciphertext: ciphertext.toString('base64url'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function isStoredKey(value: unknown): value is StoredKey {
  if (typeof value !== 'object' || value === null) return false;
  const k = value as Record<string, unknown>;
  return (
    typeof k.id === 'string' &&
    (k.algorithm === 'Ed25519' || k.algorithm === 'ES256') &&
    (k.status === 'current' || k.status === 'retired') &&
    typeof k.createdAt === 'string' &&
    typeof k.publicKeyMultibase === 'string' &&
    typeof k.privateKeyJwk === 'object' &&
    k.privateKeyJwk !== null
  );
}

function checkedKeys(value: unknown): StoredKey[] {
  if (!Array.isArray(value) || !value.every(isStoredKey)) throw new KeyFileError('The key file holds no valid key list');
  return value;
}

/** Reads what `serialiseKeys` wrote. An encrypted file needs the same passphrase. */
export function parseKeys(text: string, options: { passphrase?: string } = {}): StoredKey[] {
  let file: Partial<PlainKeyFile & EncryptedKeyFile>;
  try {
    file = JSON.parse(text) as Partial<PlainKeyFile & EncryptedKeyFile>;
  } catch {
    throw new KeyFileError('The key file is not valid JSON');
  }
  if (file.format !== FORMAT || file.version !== 1) throw new KeyFileError(`The key file is not a version 1 ${FORMAT} file`);
  if (!file.encryption) return checkedKeys(file.keys);
  if (options.passphrase === undefined) throw new KeyFileError('The key file is encrypted; set the key passphrase');
  const { tag, ...header } = file.encryption;
  if (header.kdf !== 'scrypt' || header.cipher !== 'aes-256-gcm' || typeof file.ciphertext !== 'string') {
    throw new KeyFileError('The key file uses an unknown encryption scheme');
  }
  try {
    const key = deriveKey(options.passphrase, Buffer.from(header.salt, 'base64url'), header);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64url'));
    decipher.setAAD(headerAad(header));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(file.ciphertext, 'base64url')), decipher.final()]);
    return checkedKeys(JSON.parse(plain.toString('utf8')));
  } catch (error) {
    if (error instanceof KeyFileError) throw error;
    throw new KeyFileError('The key file cannot be decrypted: wrong passphrase or a damaged file');
  }
}
