import type { Tx } from '../../db/client.js';
import { appendAudit } from '../audit/append-audit.js';
import { generateKey, type PublicKey, type StoredKey } from './key-pairs.js';
import { KEY_ALGORITHMS, type KeyStore } from './key-store.js';
import type { SigningKeyRow } from './repository.js';
import { KeyEncryptionKeys, sealPrivateKey } from './sealed-key.js';
import type { PrivateKeyEnvelope } from './tables.js';

/** Raised when the issuer keys cannot be used as configured; the message tells the operator what to do. */
export class IssuerKeysError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IssuerKeysError';
  }
}

/** A key store that can notice keys changed by another process (a rotation on another instance). */
export interface IssuerKeyStore extends KeyStore {
  readonly controller: string;
  /** Re-reads the keys if they changed elsewhere; returns the public keys to publish. */
  refresh(): Promise<PublicKey[]>;
}

export function encryptionKeysFor(passphrase: string | null): KeyEncryptionKeys | null {
  return passphrase === null ? null : new KeyEncryptionKeys(passphrase);
}

/** Plain or sealed, as the deployment's passphrase says; keys sealed in one batch share a salt. */
export async function envelopeFor(jwk: JsonWebKey, keyId: string, kek: KeyEncryptionKeys | null, salt: string): Promise<PrivateKeyEnvelope> {
  return kek ? sealPrivateKey(jwk, keyId, kek, salt) : { sealed: false, jwk };
}

/** New current keys, one per algorithm, as rows ready to insert. */
export async function newKeyRows(controller: string, kek: KeyEncryptionKeys | null, now: Date): Promise<{ rows: SigningKeyRow[]; keys: StoredKey[] }> {
  const salt = KeyEncryptionKeys.newSalt();
  const keys = KEY_ALGORITHMS.map((algorithm) => generateKey({ controller, algorithm, now }));
  const rows = await Promise.all(
    keys.map(async (key) => ({
      id: key.id,
      controller,
      algorithm: key.algorithm,
      status: 'current' as const,
      publicKeyMultibase: key.publicKeyMultibase,
      privateKey: await envelopeFor(key.privateKeyJwk, key.id, kek, salt),
      createdAt: now,
      retiredAt: null,
      withdrawnAt: null,
    })),
  );
  return { rows, keys };
}

export async function auditKeys(tx: Tx, actor: string, action: string, rows: readonly Pick<SigningKeyRow, 'id' | 'algorithm'>[], at: Date): Promise<void> {
  for (const row of rows) await appendAudit(tx, { actor, entity: `signing_key:${row.id}`, action, data: { algorithm: row.algorithm }, at });
}

export function publicKeyOf(row: SigningKeyRow): PublicKey {
  return {
    id: row.id,
    algorithm: row.algorithm,
    status: row.status === 'current' ? 'current' : 'retired',
    createdAt: row.createdAt.toISOString(),
    ...(row.retiredAt ? { retiredAt: row.retiredAt.toISOString() } : {}),
    publicKeyMultibase: row.publicKeyMultibase,
  };
}
