import crypto from 'node:crypto';
import type { VerificationResult } from '../credentials/verify-credential.js';

/**
 * Results of verifying signed credentials, kept because a credential never changes once signed:
 * the same bytes, checked against the same DID document and the same versions of its status lists,
 * give the same signature, issuer and status checks. The key names all of those, so a status
 * change (a new list version) or a key rotation is a new key and shows at once. The validity
 * period depends on the clock and is recomputed by the caller on every use. Entries are promises,
 * so visitors arriving together while a credential is first checked share that one check.
 */
export class VerificationCache {
  private readonly entries = new Map<string, Promise<VerificationResult>>();

  constructor(private readonly capacity = 2000) {}

  static key(parts: readonly string[]): string {
    const hash = crypto.createHash('sha256');
    for (const part of parts) hash.update(part).update('\u0000');
    return hash.digest('base64url');
  }

  get(key: string): Promise<VerificationResult> | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last, so the oldest are dropped first.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, result: Promise<VerificationResult>): void {
    this.entries.set(key, result);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string, entry: Promise<VerificationResult>): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
