import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type JsonObject } from './build-credential.js';
import { verifyEddsaRdfc2022Independently } from './independent-eddsa-verifier.js';
import { explicitKeyResolver, type ResolvedKey } from './key-resolver.js';
import { verifyCredential, type VerificationResult } from './verify-credential.js';

// Signed vectors from the official 1EdTech validator's own tests (see fixtures/SOURCES.md).
const dir = new URL('./fixtures/1edtech/', import.meta.url);
const text = (name: string) => fs.readFileSync(new URL(name, dir), 'utf8');
const json = (name: string) => JSON.parse(text(name)) as JsonObject;

// The public key the validator reads out of the verification method's URL fragment. Here it is
// handed over explicitly, as a caller who had confirmed it out of band would.
const KEY = 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
const ENDORSER_KEY = 'z6MkoMGF38Ck9xkdqrbZt4h9eHb1qc3GhAAkoSWa4Vy3SHRN';
const keys: ResolvedKey[] = [
  { id: `https://example.com/issuers/876543#${KEY}`, controller: 'https://example.com/issuers/876543', publicKeyMultibase: KEY },
  { id: `https://1edtech.edu/issuers/565049#${KEY}`, controller: 'https://1edtech.edu/issuers/565049', publicKeyMultibase: KEY },
  { id: `did:key:${KEY}`, controller: `did:key:${KEY}`, publicKeyMultibase: KEY },
  { id: `https://state.gov/issuers/565049#${ENDORSER_KEY}`, controller: 'https://state.gov/issuers/565049', publicKeyMultibase: ENDORSER_KEY },
];
const resolveKey = explicitKeyResolver(keys);
const testlist = json('bit-string-list/testlist.json');
const fetchStatusList = async (url: string) => (url.endsWith('/bit-string-list/testlist') ? testlist : null);
const now = new Date('2026-01-01T00:00:00Z');

const check = (result: VerificationResult, name: string) => result.checks.find((c) => c.name === name);

describe('1EdTech validator test vectors', () => {
  it.each(['simple.json', 'simple-did-web-method.json', 'simple-multiple-proofs.json'])(
    '%s is valid when its key is supplied explicitly',
    async (name) => {
      const result = await verifyCredential(text(name), { resolveKey, now });
      expect(result.checks.filter((c) => !c.ok)).toEqual([]);
      expect(result.valid).toBe(true);
    },
  );

  it('a single-object proof passes the schema only through the documented adaptation', async () => {
    const result = await verifyCredential(json('simple-did-web-method.json'), { resolveKey, now });
    expect(result.schemaAdaptations).toEqual(['proof: a single proof object was validated as a one-element array']);
    const arrayProof = await verifyCredential(json('simple.json'), { resolveKey, now });
    expect(arrayProof.schemaAdaptations).toEqual([]);
  });

  it('checks the signature of the bare did:key vector, but does not take did:key as the named issuer', async () => {
    const result = await verifyCredential(text('simple-did-key-method.json'), { resolveKey, now });
    expect(check(result, 'signature')).toEqual({ name: 'signature', ok: true });
    expect(check(result, 'issuer')).toMatchObject({ ok: false, code: 'issuer_mismatch' });
    expect(result.valid).toBe(false);
  });

  it('verifies the endorsement vector signature while reporting it is not a badge', async () => {
    const result = await verifyCredential(text('endorsement-valid.json'), { resolveKey, now });
    expect(check(result, 'signature')?.ok).toBe(true);
    expect(check(result, 'issuer')?.ok).toBe(true);
    expect(check(result, 'format')).toMatchObject({ ok: false, code: 'format' });
  });

  it.each(['simple.json', 'simple-did-web-method.json', 'simple-did-key-method.json', 'bit-string-list/credential-status-revoked.json'])(
    'never trusts the key written in the URL of %s',
    async (name) => {
      const result = await verifyCredential(text(name), { now, fetchStatusList });
      expect(check(result, 'signature')).toMatchObject({ ok: false, code: 'unknown_key' });
      expect(check(result, 'signature')?.reason).toMatch(/never taken from its URL/);
      expect(check(result, 'issuer')).toMatchObject({ ok: false, code: 'unconfirmed' });
      expect(result.valid).toBe(false);
    },
  );

  it.each(['bit-string-list/credential-status-revoked.json', 'bit-string-list/credential-status-revoked-blank-nodes.json'])(
    '%s is reported revoked from its signed status list',
    async (name) => {
      const result = await verifyCredential(text(name), { resolveKey, fetchStatusList, now });
      expect(check(result, 'signature')?.ok).toBe(true);
      expect(check(result, 'status')).toMatchObject({ ok: false, code: 'revoked' });
      expect(result.status).toMatchObject({ revoked: true, suspended: false, entries: [{ purpose: 'revocation', index: 23, set: true }] });
    },
  );

  it('does not believe a status list whose signature does not check out', async () => {
    const forged = structuredClone(testlist) as { credentialSubject: { encodedList: string } };
    forged.credentialSubject.encodedList = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';
    const result = await verifyCredential(text('bit-string-list/credential-status-revoked.json'), {
      resolveKey,
      fetchStatusList: async () => forged,
      now,
    });
    expect(check(result, 'status')).toMatchObject({ ok: false, code: 'status_unavailable' });
    expect(check(result, 'status')?.reason).toMatch(/not signed by the issuer/);
  });

  it('fails the unsigned vector', async () => {
    const result = await verifyCredential(text('simple-noproof.json'), { resolveKey, now });
    expect(check(result, 'signature')).toMatchObject({ ok: false, code: 'no_proof' });
    expect(result.valid).toBe(false);
  });

  it('fails tampered copies, in both verifiers', async () => {
    const original = json('simple-did-web-method.json');
    expect(await verifyEddsaRdfc2022Independently(original, KEY)).toBe(true);
    const renamed = { ...structuredClone(original), name: 'Leadership Badge' };
    const reissued = structuredClone(original) as { validFrom: string };
    reissued.validFrom = '2009-01-01T00:00:00Z';
    for (const tampered of [renamed, reissued]) {
      const result = await verifyCredential(tampered, { resolveKey, now });
      expect(check(result, 'signature')).toMatchObject({ ok: false, code: 'bad_signature' });
      expect(result.valid).toBe(false);
      expect(await verifyEddsaRdfc2022Independently(tampered as JsonObject, KEY)).toBe(false);
    }
  });

  it('cannot verify the RS256 VC-JWT vector, which names no key', async () => {
    const result = await verifyCredential(text('simple.jwt'), { resolveKey, now });
    expect(result.form).toBe('jwt');
    expect(check(result, 'signature')).toMatchObject({ ok: false, code: 'unknown_key' });
  });

  it('never throws on garbage', async () => {
    for (const input of [null, 42, '', 'not json', '{"a":', [], 'a.b.c', { '@context': 5 }, { proof: { type: 'DataIntegrityProof' } }]) {
      const result = await verifyCredential(input, { resolveKey, now });
      expect(result.valid).toBe(false);
      expect(result.checks.find((c) => c.name === 'format')?.ok).toBe(false);
    }
  });
});
