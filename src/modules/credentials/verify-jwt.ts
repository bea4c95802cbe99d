import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { type JsonObject } from './build-credential.js';
import { algorithmOfJwk, jwkFromPublicKeyMultibase } from './key-pairs.js';
import { type KeyResolver } from './key-resolver.js';
import { type ProofOutcome } from './verify-data-integrity.js';

const REGISTERED_CLAIMS = ['iss', 'jti', 'nbf', 'exp', 'sub', 'iat', 'aud'] as const;
const JWS_ALGORITHM = { Ed25519: 'EdDSA', ES256: 'ES256' } as const;

export interface JwtOutcome {
  /** The credential the JWT carries, or null when the token cannot be read at all. */
  credential: JsonObject | null;
  formatError?: string;
  signature: ProofOutcome;
  /** Whether `iss`, `jti`, `nbf`, `exp` and `sub` agree with the credential (OB 3.0, 8.2.6.1). */
  claims: { ok: boolean; reason?: string };
}

export function looksLikeJwt(input: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(input.trim());
}

function idOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
}

function seconds(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

function claimMismatch(payload: JsonObject, credential: JsonObject): string | null {
  if (payload.iss !== idOf(credential.issuer)) return '"iss" does not match the credential issuer';
  if (payload.jti !== credential.id) return '"jti" does not match the credential id';
  const validFrom = seconds(credential.validFrom ?? credential.issuanceDate);
  if (typeof payload.nbf !== 'number' || payload.nbf !== validFrom) return '"nbf" does not match validFrom';
  const validUntil = credential.validUntil ?? credential.expirationDate;
  if (payload.exp !== undefined || validUntil !== undefined) {
    if (payload.exp !== seconds(validUntil)) return '"exp" does not match validUntil';
  }
  const subjectId = idOf(credential.credentialSubject);
  if ((payload.sub !== undefined || subjectId !== undefined) && payload.sub !== subjectId) {
    return '"sub" does not match the credential subject id';
  }
  return null;
}

function decodePayload(jwt: string): JsonObject | null {
  try {
    const payload: unknown = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as JsonObject) : null;
  } catch {
    return null;
  }
}

/** The credential inside: the payload itself (VC Data Model 2.0) or its `vc` claim (1.1). */
function credentialOf(payload: JsonObject): JsonObject {
  if (typeof payload.vc === 'object' && payload.vc !== null) return payload.vc as JsonObject;
  const credential = { ...payload };
  for (const claim of REGISTERED_CLAIMS) delete credential[claim];
  return credential;
}

async function verifySignature(jwt: string, resolveKey: KeyResolver): Promise<ProofOutcome> {
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return { ok: false, code: 'bad_signature', reason: 'The JOSE header cannot be read' };
  }
  // A `jwk` header is the signer vouching for itself; only a `kid` the resolver knows counts.
  if (typeof header.kid !== 'string') {
    return { ok: false, code: 'unknown_key', reason: 'The JWT names no key ("kid"); a key embedded in the token is not trusted' };
  }
  const key = await resolveKey(header.kid);
  if (!key) {
    return { ok: false, code: 'unknown_key', reason: `Key ${header.kid} is not a key this verifier trusts; a key is never taken from its URL` };
  }
  const jwk = key.publicKeyJwk ?? (key.publicKeyMultibase ? jwkFromPublicKeyMultibase(key.publicKeyMultibase) : null);
  const algorithm = jwk ? algorithmOfJwk(jwk) : null;
  if (!jwk || !algorithm) return { ok: false, code: 'bad_key', reason: `Key ${key.id} is not an Ed25519 or P-256 key` };
  const alg = JWS_ALGORITHM[algorithm];
  if (header.alg !== alg) return { ok: false, code: 'bad_signature', reason: `The JWT says alg "${String(header.alg)}" but key ${key.id} signs ${alg}` };
  try {
    await compactVerify(jwt, await importJWK(jwk, alg), { algorithms: [alg] });
    return { ok: true, key };
  } catch {
    return { ok: false, code: 'bad_signature', reason: `The JWT signature by ${key.id} does not match its content` };
  }
}

/** Reads and checks a VC-JWT: the JWS signature via jose, then the registered claims against the credential. */
export async function verifyCredentialJwt(jwt: string, resolveKey: KeyResolver): Promise<JwtOutcome> {
  const token = jwt.trim();
  const payload = looksLikeJwt(token) ? decodePayload(token) : null;
  if (!payload) {
    return {
      credential: null,
      formatError: 'Not a compact JWS with a JSON payload',
      signature: { ok: false, code: 'bad_signature', reason: 'The token cannot be read' },
      claims: { ok: false },
    };
  }
  const credential = credentialOf(payload);
  const mismatch = claimMismatch(payload, credential);
  return {
    credential,
    signature: await verifySignature(token, resolveKey),
    claims: mismatch ? { ok: false, reason: mismatch } : { ok: true },
  };
}
