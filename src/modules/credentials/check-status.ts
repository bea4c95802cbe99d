import { type JsonObject } from './build-credential.js';
import { type KeyResolver } from './key-resolver.js';
import { Bitstring } from './status-list.js';
import { verifyDataIntegrity } from './verify-data-integrity.js';

/** Returns the status list credential served at that URL (parsed JSON), or null when it cannot be had. */
export type StatusListFetcher = (url: string) => Promise<unknown>;

export interface StatusEntryResult {
  purpose: string;
  index: number;
  listUrl: string;
  /** The bit's value, or null when it could not be read. */
  set: boolean | null;
}

export interface StatusOutcome {
  ok: boolean;
  code?: 'revoked' | 'suspended' | 'status_unavailable';
  reason?: string;
  revoked: boolean;
  suspended: boolean;
  entries: StatusEntryResult[];
}

interface Context {
  issuerId: unknown;
  fetchStatusList: StatusListFetcher | undefined;
  resolveKey: KeyResolver;
  now: Date;
}

type ListOrFailure = { list: Bitstring; purposes: unknown[] } | { failure: string };

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function idOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
}

function outOfDate(doc: JsonObject, now: Date): boolean {
  const from = typeof doc.validFrom === 'string' ? Date.parse(doc.validFrom) : Number.NEGATIVE_INFINITY;
  const until = typeof doc.validUntil === 'string' ? Date.parse(doc.validUntil) : Number.POSITIVE_INFINITY;
  return !(from <= now.getTime() && now.getTime() <= until);
}

/** Fetches one status list credential and checks it before any bit of it is believed. */
async function loadList(url: string, ctx: Context): Promise<ListOrFailure> {
  const fetched = ctx.fetchStatusList ? await ctx.fetchStatusList(url).catch(() => null) : null;
  if (typeof fetched !== 'object' || fetched === null) return { failure: `Status list ${url} could not be fetched` };
  const doc = fetched as JsonObject;
  if (!asArray(doc.type).includes('BitstringStatusListCredential')) return { failure: `${url} is not a BitstringStatusListCredential` };
  if (idOf(doc.issuer) !== ctx.issuerId) return { failure: `Status list ${url} is not issued by the credential's issuer` };
  const proof = await verifyDataIntegrity(doc, ctx.resolveKey);
  if (!proof.ok || proof.key?.controller !== ctx.issuerId) {
    return { failure: `Status list ${url} is not signed by the issuer: ${proof.reason ?? 'key belongs to someone else'}` };
  }
  if (outOfDate(doc, ctx.now)) return { failure: `Status list ${url} is outside its validity period` };
  const subject = doc.credentialSubject as JsonObject | undefined;
  const list = Bitstring.decode(subject?.encodedList);
  if (!list) return { failure: `Status list ${url} has no readable encodedList` };
  return { list, purposes: asArray(subject?.statusPurpose) };
}

/**
 * Checks every BitstringStatusListEntry of a credential (revocation and suspension) against its
 * signed status list. A list that cannot be fetched, verified or read fails the check: a
 * verifier that cannot see the status must not say the credential is in good standing.
 * Returns null when the credential carries no status information.
 */
export async function checkStatus(credential: JsonObject, ctx: Context): Promise<StatusOutcome | null> {
  const entries = asArray(credential.credentialStatus);
  if (entries.length === 0) return null;
  const lists = new Map<string, Promise<ListOrFailure>>();
  const results: StatusEntryResult[] = [];
  const failures: string[] = [];
  for (const raw of entries) {
    const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as JsonObject;
    if (entry.type !== 'BitstringStatusListEntry') {
      failures.push(`Status method ${JSON.stringify(entry.type)} is not supported`);
      continue;
    }
    const purpose = String(entry.statusPurpose);
    const index = typeof entry.statusListIndex === 'number' ? entry.statusListIndex : Number(entry.statusListIndex);
    const url = entry.statusListCredential;
    if (typeof url !== 'string' || !Number.isInteger(index) || index < 0) {
      failures.push('A status entry has no valid statusListCredential or statusListIndex');
      continue;
    }
    let pending = lists.get(url);
    if (!pending) {
      pending = loadList(url, ctx);
      lists.set(url, pending);
    }
    const loaded = await pending;
    const result: StatusEntryResult = { purpose, index, listUrl: url, set: null };
    results.push(result);
    if ('failure' in loaded) failures.push(loaded.failure);
    else if (!loaded.purposes.includes(purpose)) failures.push(`Status list ${url} is not a ${purpose} list`);
    else if (index >= loaded.list.length) failures.push(`Status index ${index} lies outside list ${url}`);
    else result.set = loaded.list.get(index);
  }
  const revoked = results.some((r) => r.purpose === 'revocation' && r.set === true);
  const suspended = results.some((r) => r.purpose === 'suspension' && r.set === true);
  const base = { revoked, suspended, entries: results };
  if (revoked) return { ...base, ok: false, code: 'revoked', reason: 'The issuer has revoked this credential' };
  if (suspended) return { ...base, ok: false, code: 'suspended', reason: 'The issuer has suspended this credential' };
  if (failures.length) return { ...base, ok: false, code: 'status_unavailable', reason: failures.join('; ') };
  return { ...base, ok: true };
}
