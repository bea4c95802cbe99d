import { DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT } from './document-loader.js';
import { type PublicKey } from './key-pairs.js';

export interface VerificationMethod {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
}

/**
 * The `did:web` identifier of a deployment from its public URL: the host, with a port encoded as
 * `%3A`, then any path segments joined by `:` (did:web method, section 3.2).
 */
export function didWebFromUrl(publicUrl: string): string {
  const url = new URL(publicUrl);
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const segments = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', host, ...segments].join(':');
}

/**
 * The DID document published at `/.well-known/did.json`. Every key that may have signed a live
 * credential is listed for `assertionMethod`, retired ones included, so rotation never breaks
 * credentials already issued. Removing a key from here is how a compromised key is withdrawn.
 */
export function buildDidDocument(did: string, keys: readonly PublicKey[]): DidDocument {
  const methods = keys.map((key) => ({ id: key.id, type: 'Multikey' as const, controller: did, publicKeyMultibase: key.publicKeyMultibase }));
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}
