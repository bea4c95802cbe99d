import type { CredentialLoader, StoredCredential } from './verify-certificate.js';

/**
 * Keeps the signed credentials read for recent certificates. A certificate's credential is
 * written once, when it is issued, and never changed (a correction issues a new certificate), so
 * a copy held here cannot go stale; a certificate without one yet is asked again next time.
 */
export function rememberedCredentials(load: CredentialLoader, capacity = 2000): CredentialLoader {
  const held = new Map<string, StoredCredential>();
  return async (db, certificateId) => {
    const hit = held.get(certificateId);
    if (hit) {
      held.delete(certificateId);
      held.set(certificateId, hit);
      return hit;
    }
    const stored = await load(db, certificateId);
    if (stored) {
      held.set(certificateId, stored);
      if (held.size > capacity) {
        const oldest = held.keys().next().value;
        if (oldest !== undefined) held.delete(oldest);
      }
    }
    return stored;
  };
}
