import { jwkFromPublicKeyMultibase } from './key-pairs.js';

/**
 * A public key the caller vouches for: its `controller` is taken to be who the key speaks for, and
 * the resolver must only return keys that controller authorises for `assertionMethod`.
 */
export interface ResolvedKey {
  id: string;
  controller: string;
  publicKeyMultibase?: string;
  publicKeyJwk?: JsonWebKey;
}

/** Looks a verification method id up; `null` means "not a key I know". */
export type KeyResolver = (verificationMethodId: string) => Promise<ResolvedKey | null>;

/** Knows no key at all: nothing verifies unless the caller says which keys to trust. */
export const noKeys: KeyResolver = async () => null;

/** Trusts exactly the keys given, as given. */
export function explicitKeyResolver(keys: readonly ResolvedKey[]): KeyResolver {
  const byId = new Map(keys.map((k) => [k.id, k]));
  return async (id) => byId.get(id) ?? null;
}

interface DidDocumentLike {
  id?: unknown;
  verificationMethod?: unknown;
  assertionMethod?: unknown;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/**
 * Resolves keys from DID documents the caller already holds (for example this deployment's own,
 * or a cached copy): only methods listed under `assertionMethod`, whose id lies inside the
 * document's DID and whose controller is that DID.
 */
export function didDocumentKeyResolver(documents: readonly DidDocumentLike[]): KeyResolver {
  const keys = new Map<string, ResolvedKey>();
  for (const doc of documents) {
    if (typeof doc.id !== 'string') continue;
    const did = doc.id;
    const methods = new Map<string, Record<string, unknown>>();
    for (const vm of [...asArray(doc.verificationMethod), ...asArray(doc.assertionMethod)]) {
      if (typeof vm === 'object' && vm !== null && typeof (vm as { id?: unknown }).id === 'string') {
        methods.set((vm as { id: string }).id, vm as Record<string, unknown>);
      }
    }
    for (const ref of asArray(doc.assertionMethod)) {
      const id = typeof ref === 'string' ? ref : (ref as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || !id.startsWith(`${did}#`)) continue;
      const vm = methods.get(id);
      if (!vm || vm.controller !== did) continue;
      const multibase = typeof vm.publicKeyMultibase === 'string' ? vm.publicKeyMultibase : undefined;
      const jwk = typeof vm.publicKeyJwk === 'object' && vm.publicKeyJwk !== null ? (vm.publicKeyJwk as JsonWebKey) : undefined;
      if (vm.type === 'Multikey' && multibase && jwkFromPublicKeyMultibase(multibase)) {
        keys.set(id, { id, controller: did, publicKeyMultibase: multibase });
      } else if (vm.type === 'JsonWebKey' && jwk && !('d' in jwk)) {
        keys.set(id, { id, controller: did, publicKeyJwk: jwk });
      }
    }
  }
  return explicitKeyResolver([...keys.values()]);
}
