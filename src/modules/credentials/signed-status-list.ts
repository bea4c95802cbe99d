import crypto from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import type { KeySigner } from './key-store.js';
import { findStatusListVersion, readStatusListBits } from './repository.js';
import { Bitstring, buildStatusListCredential, type StatusPurpose } from './status-list.js';

/** How long verifiers may keep a status list before fetching it again (also the HTTP max-age). */
export const STATUS_LIST_TTL_SECONDS = 300;

export interface SignedStatusList {
  /** The signed BitstringStatusListCredential, serialised once. */
  json: string;
  /** Weak: instances sign the same version with different proof times. */
  etag: string;
  version: number;
  updatedAt: Date;
}

export interface StatusListPublisherOptions {
  db: DbOrTx;
  issuerId: string;
  urlFor: (purpose: StatusPurpose, number: number) => string;
  signer: () => Promise<KeySigner>;
}

interface CacheEntry {
  version: number;
  signerId: string;
  value: Promise<SignedStatusList>;
}

/**
 * Serves status lists signed lazily: a list is signed the first time it is asked for at a version
 * and the signed JSON is reused until its version changes (a bit was set or cleared) or the
 * current key changes. Each request costs one small query for the version.
 */
export class StatusListPublisher {
  private readonly cache = new Map<number, CacheEntry>();

  constructor(private readonly options: StatusListPublisherOptions) {}

  async get(purpose: StatusPurpose, number: number): Promise<SignedStatusList | null> {
    const head = await findStatusListVersion(this.options.db, purpose, number);
    if (!head) return null;
    const signer = await this.options.signer();
    const cached = this.cache.get(head.id);
    if (cached && cached.version >= head.version && cached.signerId === signer.id) return cached.value;
    const value = this.sign(head.id, purpose, number, signer);
    const entry: CacheEntry = { version: head.version, signerId: signer.id, value };
    this.cache.set(head.id, entry);
    value.then(
      (signed) => {
        entry.version = signed.version;
      },
      () => {
        if (this.cache.get(head.id) === entry) this.cache.delete(head.id);
      },
    );
    return value;
  }

  private async sign(listId: number, purpose: StatusPurpose, number: number, signer: KeySigner): Promise<SignedStatusList> {
    const stored = await readStatusListBits(this.options.db, listId);
    if (!stored) throw new Error(`status list ${listId} disappeared`);
    const unsigned = buildStatusListCredential({
      url: this.options.urlFor(purpose, number),
      issuer: this.options.issuerId,
      statusPurpose: purpose,
      list: new Bitstring(new Uint8Array(stored.bits)),
      validFrom: stored.updatedAt,
      ttl: STATUS_LIST_TTL_SECONDS * 1000,
    });
    // Loaded on first use: the JSON-LD stack it needs would otherwise lengthen every start.
    const { signCredential } = await import('./sign-credential.js');
    const json = JSON.stringify(await signCredential(unsigned, signer));
    const tag = crypto.createHash('sha256').update(`${listId}:${stored.version}:${signer.id}`).digest('base64url').slice(0, 16);
    return { json, etag: `W/"${tag}"`, version: stored.version, updatedAt: stored.updatedAt };
  }
}
