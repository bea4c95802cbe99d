import crypto from 'node:crypto';
import * as base58btc from 'base58-universal';
import jsonld from 'jsonld';
import { type JsonObject } from './build-credential.js';
import { documentLoader } from './document-loader.js';
import { jwkFromPublicKeyMultibase } from './key-pairs.js';

/**
 * A second, deliberately small eddsa-rdfc-2022 verifier (VC Data Integrity EdDSA Cryptosuites,
 * section 3.2.2) that shares nothing with the Data Integrity libraries used for signing: jsonld
 * for RDFC-1.0 canonicalisation and node:crypto for SHA-256 and Ed25519. It exists to show that
 * our proofs are standard, not merely accepted by the library that made them.
 */
export async function verifyEddsaRdfc2022Independently(document: JsonObject, publicKeyMultibase: string): Promise<boolean> {
  const proof = document.proof;
  if (typeof proof !== 'object' || proof === null || Array.isArray(proof)) return false;
  const { proofValue, ...proofOptions } = proof as JsonObject;
  if (proofOptions.type !== 'DataIntegrityProof' || proofOptions.cryptosuite !== 'eddsa-rdfc-2022') return false;
  if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) return false;
  const jwk = jwkFromPublicKeyMultibase(publicKeyMultibase);
  if (!jwk || jwk.crv !== 'Ed25519') return false;

  const { proof: _proof, ...unsecured } = document;
  const canonical = (input: object) =>
    jsonld.canonize(input, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true, base: null });
  const [proofConfig, transformed] = await Promise.all([
    canonical({ '@context': document['@context'], ...proofOptions }),
    canonical(unsecured),
  ]);
  const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest();
  const hashData = Buffer.concat([sha256(proofConfig), sha256(transformed)]);

  let signature: Uint8Array;
  try {
    signature = base58btc.decode(proofValue.slice(1));
  } catch {
    return false;
  }
  if (signature.length !== 64) return false;
  const key = crypto.createPublicKey({ key: jwk as crypto.JsonWebKey, format: 'jwk' });
  return crypto.verify(null, hashData, key, signature);
}
