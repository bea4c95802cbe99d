import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { AppError } from '../../platform/errors.js';
import { credentialDate, type JsonObject } from './build-credential.js';
import { CREDENTIALS_V2_CONTEXT } from './document-loader.js';

/** Bitstring Status List v1.0 minimum (16 KiB), so that a list hides which credential is which. */
export const MIN_STATUS_LIST_LENGTH = 131_072;
/** A decoded list larger than this is refused: a tiny gzip payload could otherwise inflate to gigabytes. */
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

export type StatusPurpose = 'revocation' | 'suspension';

/** A list of status bits; index 0 is the left-most (most significant) bit of the first byte. */
export class Bitstring {
  readonly bytes: Uint8Array;

  constructor(lengthOrBytes: number | Uint8Array) {
    this.bytes = typeof lengthOrBytes === 'number' ? new Uint8Array(Math.ceil(lengthOrBytes / 8)) : lengthOrBytes;
  }

  get length(): number {
    return this.bytes.length * 8;
  }

  private position(index: number): [number, number] {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new RangeError(`Status index ${index} is outside a list of ${this.length} entries`);
    }
    return [index >> 3, 0x80 >> (index & 7)];
  }

  get(index: number): boolean {
    const [byte, mask] = this.position(index);
    return ((this.bytes[byte] ?? 0) & mask) !== 0;
  }

  set(index: number, value: boolean): void {
    const [byte, mask] = this.position(index);
    this.bytes[byte] = value ? (this.bytes[byte] ?? 0) | mask : (this.bytes[byte] ?? 0) & ~mask;
  }

  /** Multibase base64url (no padding, prefix `u`) of the GZIP-compressed bits, as `encodedList` wants. */
  encode(): string {
    return `u${zlib.gzipSync(this.bytes).toString('base64url')}`;
  }

  /** The inverse of `encode`; null for anything that is not such an encoding. */
  static decode(encodedList: unknown): Bitstring | null {
    if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) return null;
    try {
      const compressed = Buffer.from(encodedList.slice(1), 'base64url');
      return new Bitstring(new Uint8Array(zlib.gunzipSync(compressed, { maxOutputLength: MAX_DECODED_BYTES })));
    } catch {
      return null;
    }
  }
}

export function createStatusList(length = MIN_STATUS_LIST_LENGTH): Bitstring {
  if (length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0) {
    throw new RangeError(`A status list needs at least ${MIN_STATUS_LIST_LENGTH} entries, in whole bytes`);
  }
  return new Bitstring(length);
}

/**
 * A uniformly random index not in `taken`, so a credential's position says nothing about when it
 * was issued. Random probing is uniform over the free indices; once the list is mostly used the
 * free ones are listed and one is drawn from them.
 */
export function pickFreeIndex(
  taken: { has(index: number): boolean; readonly size: number },
  length = MIN_STATUS_LIST_LENGTH,
  randomInt: (max: number) => number = (max) => crypto.randomInt(max),
): number {
  if (taken.size >= length) throw new AppError('conflict', { values: { reason: 'status list full' } });
  if (taken.size < length / 2) {
    for (let attempt = 0; attempt < 64; attempt++) {
      const index = randomInt(length);
      if (!taken.has(index)) return index;
    }
  }
  const free: number[] = [];
  for (let index = 0; index < length; index++) if (!taken.has(index)) free.push(index);
  const index = free[randomInt(free.length)];
  if (index === undefined) throw new AppError('conflict', { values: { reason: 'status list full' } });
  return index;
}

export interface StatusListCredentialInput {
  /** The URL the list is served at; credentials name it in `statusListCredential`. */
  url: string;
  issuer: string;
  statusPurpose: StatusPurpose;
  list: Bitstring;
  validFrom: Date;
  validUntil?: Date;
  /** How long verifiers may cache the list, in milliseconds. */
  ttl?: number;
}

/** The unsigned BitstringStatusListCredential; sign it with `signCredential` like any credential. */
export function buildStatusListCredential(input: StatusListCredentialInput): JsonObject {
  return {
    '@context': [CREDENTIALS_V2_CONTEXT],
    id: input.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: credentialDate(input.validFrom),
    ...(input.validUntil ? { validUntil: credentialDate(input.validUntil) } : {}),
    credentialSubject: {
      id: `${input.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: input.statusPurpose,
      encodedList: input.list.encode(),
      ...(input.ttl !== undefined ? { ttl: input.ttl } : {}),
    },
  };
}
