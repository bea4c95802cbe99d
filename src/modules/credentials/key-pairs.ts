import crypto from 'node:crypto';
import * as base58btc from 'base58-universal';

/** Ed25519 signs the embedded eddsa-rdfc-2022 proofs; ES256 (P-256) signs the VC-JWT form. */
export type KeyAlgorithm = 'Ed25519' | 'ES256';

/** One issuer key with its private half, as kept in the key file. */
export interface StoredKey {
  /** `did:web:<host>#<fragment>`: the verification method id named in proofs and JWT headers. */
  id: string;
  algorithm: KeyAlgorithm;
  status: 'current' | 'retired';
  createdAt: string;
  retiredAt?: string;
  publicKeyMultibase: string;
  privateKeyJwk: JsonWebKey;
}

/** The public half, safe to publish. */
export type PublicKey = Omit<StoredKey, 'privateKeyJwk'>;

// Multicodec prefixes (unsigned varint) that Multikey puts before the raw public key.
const ED25519_PUB = Uint8Array.of(0xed, 0x01);
const P256_PUB = Uint8Array.of(0x80, 0x24);

function withPrefix(prefix: Uint8Array, bytes: Uint8Array): string {
  const out = new Uint8Array(prefix.length + bytes.length);
  out.set(prefix);
  out.set(bytes, prefix.length);
  return `z${base58btc.encode(out)}`;
}

/** Multikey `publicKeyMultibase` for an Ed25519 or P-256 public JWK (P-256 in compressed form). */
export function publicKeyMultibaseFromJwk(jwk: JsonWebKey): string {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && jwk.x) {
    return withPrefix(ED25519_PUB, Buffer.from(jwk.x, 'base64url'));
  }
  if (jwk.kty === 'EC' && jwk.crv === 'P-256' && jwk.x && jwk.y) {
    const y = Buffer.from(jwk.y, 'base64url');
    const parity = (y[y.length - 1] ?? 0) & 1 ? 0x03 : 0x02;
    return withPrefix(P256_PUB, Buffer.concat([Buffer.of(parity), Buffer.from(jwk.x, 'base64url')]));
  }
  throw new TypeError('Only Ed25519 and P-256 public keys have a Multikey encoding here');
}

/**
 * The public JWK for a Multikey value, or null for anything that is not a well-formed Ed25519 or
 * P-256 key. Verification code calls this on untrusted input, so it never throws.
 */
export function jwkFromPublicKeyMultibase(multibase: string): JsonWebKey | null {
  if (!multibase.startsWith('z')) return null;
  let bytes: Uint8Array;
  try {
    bytes = base58btc.decode(multibase.slice(1));
  } catch {
    return null;
  }
  const has = (prefix: Uint8Array) => prefix.every((b, i) => bytes[i] === b);
  if (has(ED25519_PUB) && bytes.length === ED25519_PUB.length + 32) {
    return { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.subarray(2)).toString('base64url') };
  }
  if (has(P256_PUB) && bytes.length === P256_PUB.length + 33) {
    try {
      const point = crypto.ECDH.convertKey(Buffer.from(bytes.subarray(2)), 'prime256v1', undefined, undefined, 'uncompressed');
      const raw = Buffer.isBuffer(point) ? point : Buffer.from(point, 'latin1');
      return {
        kty: 'EC',
        crv: 'P-256',
        x: raw.subarray(1, 33).toString('base64url'),
        y: raw.subarray(33, 65).toString('base64url'),
      };
    } catch {
      return null;
    }
  }
  return null;
}

export function algorithmOfJwk(jwk: JsonWebKey): KeyAlgorithm | null {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'Ed25519';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  return null;
}

export interface GenerateKeyOptions {
  /** The controller DID, e.g. `did:web:certs.example.org`. */
  controller: string;
  algorithm: KeyAlgorithm;
  now?: Date;
}

/**
 * A new key pair with an opaque fragment. The fragment deliberately does not spell out the public
 * key: verifiers must look the key up in the DID document, never read it from the URL.
 */
export function generateKey({ controller, algorithm, now = new Date() }: GenerateKeyOptions): StoredKey {
  const pair =
    algorithm === 'Ed25519' ? crypto.generateKeyPairSync('ed25519') : crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const privateKeyJwk = pair.privateKey.export({ format: 'jwk' });
  const publicJwk = pair.publicKey.export({ format: 'jwk' });
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const fragment = `${algorithm === 'Ed25519' ? 'eddsa' : 'es256'}-${day}-${crypto.randomBytes(3).toString('hex')}`;
  return {
    id: `${controller}#${fragment}`,
    algorithm,
    status: 'current',
    createdAt: now.toISOString(),
    publicKeyMultibase: publicKeyMultibaseFromJwk(publicJwk),
    privateKeyJwk,
  };
}

export function publicPart(key: StoredKey): PublicKey {
  const { privateKeyJwk: _secret, ...rest } = key;
  return rest;
}
