import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import jsigs from 'jsonld-signatures';
import { type JsonObject } from './build-credential.js';
import { createDocumentLoader, MULTIKEY_V1_CONTEXT } from './document-loader.js';
import { jwkFromPublicKeyMultibase, publicKeyMultibaseFromJwk } from './key-pairs.js';
import { type KeyResolver, type ResolvedKey } from './key-resolver.js';

export interface ProofOutcome {
  ok: boolean;
  /** Machine-readable cause, for translated messages. */
  code?: 'no_proof' | 'unsupported_proof' | 'unknown_key' | 'bad_key' | 'bad_signature';
  reason?: string;
  /** The key that verified the proof (present when `ok`). */
  key?: ResolvedKey;
}

const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });

function proofsOf(document: JsonObject): unknown[] {
  const { proof } = document;
  if (proof === undefined) return [];
  return Array.isArray(proof) ? proof : [proof];
}

function isEddsaProof(proof: unknown): proof is JsonObject & { verificationMethod: string } {
  if (typeof proof !== 'object' || proof === null) return false;
  const p = proof as JsonObject;
  return p.type === 'DataIntegrityProof' && p.cryptosuite === 'eddsa-rdfc-2022' && typeof p.verificationMethod === 'string';
}

/** Ed25519 Multikey form of a resolved key, or null when the key is not Ed25519. */
function ed25519Multibase(key: ResolvedKey): string | null {
  const jwk = key.publicKeyMultibase ? jwkFromPublicKeyMultibase(key.publicKeyMultibase) : (key.publicKeyJwk ?? null);
  if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') return null;
  return publicKeyMultibaseFromJwk(jwk);
}

/** Why the library refused, or null when it verified. */
async function verifyOne(document: JsonObject, proof: JsonObject, key: ResolvedKey, multibase: string): Promise<string | null> {
  // The verification method handed to the library is the one the caller's resolver vouched for;
  // the library never sees a network, and the purpose check is done by the caller (issuer check).
  const method = { '@context': MULTIKEY_V1_CONTEXT, id: key.id, type: 'Multikey', controller: key.controller, publicKeyMultibase: multibase };
  const loader = createDocumentLoader(new Map([[key.id, method]]));
  const purpose = new jsigs.purposes.AssertionProofPurpose({ controller: { id: key.controller, assertionMethod: [key.id] } });
  const result = await jsigs.verify({ ...document, proof }, { suite, purpose, documentLoader: loader });
  if (result.verified) return null;
  const error = result.error?.errors?.[0] ?? result.results?.find((r) => r.error)?.error ?? result.error;
  return error?.message ?? 'the proof did not verify';
}

/**
 * Verifies the eddsa-rdfc-2022 DataIntegrityProofs of a document with the reference
 * implementation. A proof counts only if its verification method is known to `resolveKey`; the
 * key is never derived from the method's URL. One verifying proof is enough (OB 3.0, 8.1).
 */
export async function verifyDataIntegrity(document: JsonObject, resolveKey: KeyResolver): Promise<ProofOutcome> {
  const proofs = proofsOf(document);
  if (proofs.length === 0) return { ok: false, code: 'no_proof', reason: 'The credential carries no proof' };
  const candidates = proofs.filter(isEddsaProof);
  if (candidates.length === 0) {
    return { ok: false, code: 'unsupported_proof', reason: 'No DataIntegrityProof with cryptosuite eddsa-rdfc-2022 and a verification method' };
  }
  const { proof: _all, ...unsigned } = document;
  let last: ProofOutcome = { ok: false };
  for (const proof of candidates) {
    const key = await resolveKey(proof.verificationMethod);
    if (!key) {
      last = {
        ok: false,
        code: 'unknown_key',
        reason: `Verification method ${proof.verificationMethod} is not a key this verifier trusts; a key is never taken from its URL`,
      };
      continue;
    }
    const multibase = ed25519Multibase(key);
    if (!multibase) {
      last = { ok: false, code: 'bad_key', reason: `Verification method ${key.id} is not an Ed25519 key` };
      continue;
    }
    try {
      const refusal = await verifyOne(unsigned, proof, key, multibase);
      if (refusal === null) return { ok: true, key };
      last = { ok: false, code: 'bad_signature', reason: `The proof by ${key.id} does not verify: ${refusal}` };
    } catch (error) {
      last = { ok: false, code: 'bad_signature', reason: `The proof by ${key.id} could not be checked: ${(error as Error).message}` };
    }
  }
  return last;
}
