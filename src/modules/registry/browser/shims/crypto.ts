/**
 * node:crypto as far as the verification path needs it in the browser: random numbers, and
 * decompressing a P-256 public key (for ES256 VC-JWTs) with the curve's own arithmetic.
 */
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

function power(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const toBigInt = (bytes: Uint8Array) => BigInt(`0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') || '0'}`);
const toBytes = (value: bigint) => Uint8Array.from((value.toString(16).padStart(64, '0').match(/../g) ?? []).map((pair) => parseInt(pair, 16)));

function convertKey(key: Uint8Array, curve: string, _inEnc?: unknown, _outEnc?: unknown, format?: string): Uint8Array {
  if (curve !== 'prime256v1' || format !== 'uncompressed') throw new Error(`Unsupported key conversion: ${curve} ${String(format)}`);
  if (key[0] === 4 && key.length === 65) return key;
  if ((key[0] !== 2 && key[0] !== 3) || key.length !== 33) throw new Error('Not a compressed P-256 point');
  const x = toBigInt(key.subarray(1));
  const ySquared = (power(x, 3n, P) - 3n * x + B + 3n * P) % P;
  // p ≡ 3 (mod 4): the square root is a single exponentiation.
  let y = power(ySquared, (P + 1n) / 4n, P);
  if ((y * y) % P !== ySquared) throw new Error('Not a point on P-256');
  if (Number(y & 1n) !== (key[0] & 1)) y = P - y;
  const out = new Uint8Array(65);
  out[0] = 4;
  out.set(toBytes(x), 1);
  out.set(toBytes(y), 33);
  return out;
}

function randomInt(max: number): number {
  const values = new Uint32Array(1);
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  do globalThis.crypto.getRandomValues(values);
  while ((values[0] ?? 0) >= limit);
  return (values[0] ?? 0) % max;
}

function unavailable(name: string) {
  return () => {
    throw new Error(`crypto.${name} is not available in the browser verifier`);
  };
}

export const ECDH = { convertKey };
export default {
  ECDH,
  randomInt,
  randomBytes: unavailable('randomBytes'),
  createHash: unavailable('createHash'),
  generateKeyPairSync: unavailable('generateKeyPairSync'),
};
