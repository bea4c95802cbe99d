import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testBackend } from '../../../test/backend.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { auditRowsFor } from '../audit/repository.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { buildDidDocument, didWebFromUrl } from './did-document.js';
import { didDocumentKeyResolver } from './key-resolver.js';
import { openIssuerKeys } from './open-issuer-keys.js';
import { listSigningKeys } from './repository.js';
import { rotateDatabaseKeys } from './rotate-issuer-keys.js';
import { sampleCredential } from './sample-credential.js';
import { signCredential } from './sign-credential.js';
import { signCredentialJwt } from './sign-credential-jwt.js';
import { changeKeyPassphrase } from './change-key-passphrase.js';
import { verifyCredential } from './verify-credential.js';
import { withdrawIssuerKey } from './withdraw-issuer-key.js';

const baseUrl = 'https://certs.example.uz';
const did = didWebFromUrl(baseUrl);
const passphrase = 'Oʻzbekiston-2026 kalit soʻzi';
const entries = {
  revocation: { listId: 1, purpose: 'revocation' as const, listNumber: 1, index: 10 },
  suspension: { listId: 2, purpose: 'suspension' as const, listNumber: 1, index: 20 },
};
const issuerLike = { did, baseUrl, statusListUrl: (purpose: string, n: number) => `${baseUrl}/credentials/status/${purpose}/${n}` };

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.destroy());
// Each test starts as a first start: no keys yet.
beforeEach(async () => {
  await database.db.execute(sql`delete from signing_keys`);
});

const open = (settings: { passphrase?: string | null; controller?: string; recheckMs?: number } = {}) =>
  openIssuerKeys(database.db, { controller: settings.controller ?? did, passphrase: settings.passphrase ?? null, keyFile: null, recheckMs: settings.recheckMs ?? 0 });

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'opened',
    (error: Error) => `${error.name}: ${error.message}`,
  );

describe(`issuer keys in the database (${testBackend()})`, () => {
  it('are created on first start, sealed with the passphrase, and the same on the next start', async () => {
    const first = await open({ passphrase });
    const published = first.listKeys();
    expect(published.map((k) => [k.algorithm, k.status])).toEqual(
      expect.arrayContaining([
        ['Ed25519', 'current'],
        ['ES256', 'current'],
      ]),
    );
    expect(published.every((k) => k.id.startsWith(`${did}#`))).toBe(true);

    const rows = await listSigningKeys(database.db);
    expect(rows.every((r) => r.privateKey?.sealed === true)).toBe(true);
    const stored = JSON.stringify(rows);
    const ed = await first.signer('Ed25519');
    expect(stored).not.toContain('"d":');

    const again = await open({ passphrase });
    expect(buildDidDocument(did, again.listKeys())).toEqual(buildDidDocument(did, published));
    expect((await again.signer('Ed25519')).id).toBe(ed.id);
    const created = await auditRowsFor(database.db, `signing_key:${ed.id}`);
    expect(created.map((r) => [r.actor, r.action])).toEqual([['system', 'created']]);
  });

  it('refuse to open with a wrong passphrase or none, and leave the keys as they were', async () => {
    await open({ passphrase });
    const before = await listSigningKeys(database.db);
    expect(await refusal(open({ passphrase: 'not the right passphrase' }))).toMatch(/^IssuerKeysError: USTA_KEY_PASSPHRASE does not open the issuer keys/);
    expect(await refusal(open({ passphrase: null }))).toMatch(/^IssuerKeysError: The issuer keys are encrypted: set USTA_KEY_PASSPHRASE/);
    expect(await refusal(open({ passphrase: 'short' }))).toMatch(/^IssuerKeysError: .*at least 12 characters/);
    expect(await listSigningKeys(database.db)).toEqual(before);
  });

  it('are kept plain without a passphrase and sealed once one is set', async () => {
    const plain = await open();
    expect((await listSigningKeys(database.db)).every((r) => r.privateKey?.sealed === false)).toBe(true);
    const sealed = await open({ passphrase });
    expect(sealed.listKeys()).toEqual(plain.listKeys());
    expect((await listSigningKeys(database.db)).every((r) => r.privateKey?.sealed === true)).toBe(true);
    expect(await refusal(open())).toMatch(/encrypted/);
  });

  it('rotate: old keys stay published without their private half, and what they signed still verifies', async () => {
    const keys = await open({ passphrase });
    const credential = sampleCredential(issuerLike, entries);
    const signed = await signCredential(credential, await keys.signer('Ed25519'));
    const jwt = await signCredentialJwt(credential, await keys.signer('ES256'));
    const before = keys.listKeys();

    const fresh = await keys.rotate(new Date('2027-01-15T10:00:00Z'));
    expect(fresh.map((k) => k.status)).toEqual(['current', 'current']);
    const after = keys.listKeys();
    expect(after.filter((k) => k.status === 'retired').map((k) => k.id).sort()).toEqual(before.map((k) => k.id).sort());
    expect((await keys.signer('Ed25519')).id).toBe(fresh.find((k) => k.algorithm === 'Ed25519')!.id);
    const rows = await listSigningKeys(database.db);
    expect(rows.filter((r) => r.status === 'retired').every((r) => r.privateKey === null && r.retiredAt?.toISOString() === '2027-01-15T10:00:00.000Z')).toBe(true);

    const reopened = await open({ passphrase });
    const resolveKey = didDocumentKeyResolver([buildDidDocument(did, reopened.listKeys())]);
    for (const form of [signed, jwt]) {
      const result = await verifyCredential(form, { resolveKey, now: new Date('2027-02-01T00:00:00Z') });
      expect(result.checks.filter((c) => !c.ok && c.name !== 'status').map((c) => [c.name, c.code])).toEqual([]);
    }
    const trail = await Promise.all(before.map((k) => auditRowsFor(database.db, `signing_key:${k.id}`)));
    expect(trail.map((rows) => rows.map((r) => r.action))).toEqual([
      ['created', 'retired'],
      ['created', 'retired'],
    ]);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('are picked up by another instance after a rotation, without a restart', async () => {
    const a = await open({ passphrase });
    const b = await open({ passphrase });
    const old = (await b.signer('Ed25519')).id;
    await a.rotate();
    const current = (await a.signer('Ed25519')).id;
    expect(current).not.toBe(old);
    expect((await b.signer('Ed25519')).id).toBe(current);
    expect((await b.refresh()).map((k) => k.id)).toContain(old);
  });

  it('refuse a rotation with a passphrase that does not open the current keys, unless forced', async () => {
    await open({ passphrase });
    const rotate = (phrase: string, force = false) => rotateDatabaseKeys(database.db, { controller: did, passphrase: phrase, actor: 'cli', force });
    expect(await refusal(rotate('a mistyped passphrase'))).toMatch(/does not open the issuer keys.*--force/);
    const fresh = await rotate('a new passphrase after the old was lost', true);
    const reopened = await open({ passphrase: 'a new passphrase after the old was lost' });
    expect(reopened.listKeys().filter((k) => k.status === 'current').map((k) => k.id).sort()).toEqual(fresh.map((k) => k.id).sort());
    expect(reopened.listKeys()).toHaveLength(4);
  });

  it('refuse keys made for another public address, until forced to make new ones', async () => {
    await open();
    const moved = didWebFromUrl('https://usta.example.org');
    expect(await refusal(open({ controller: moved }))).toMatch(/belong to did:web:certs\.example\.uz.*usta keys rotate --force/);
    await rotateDatabaseKeys(database.db, { controller: moved, passphrase: null, actor: 'cli', force: true });
    const keys = await open({ controller: moved });
    expect(keys.listKeys().map((k) => [k.status, k.id.split('#')[0]])).toEqual([
      ['current', moved],
      ['current', moved],
    ]);
  });

  it('agree when several instances start at once on an empty database', async () => {
    const stores = await Promise.all([open(), open(), open(), open()]);
    const ids = stores.map((s) => s.listKeys().map((k) => k.id).sort().join());
    expect(new Set(ids).size).toBe(1);
    expect(await listSigningKeys(database.db)).toHaveLength(2);
  });

  it('change passphrase: the current keys are resealed, the old passphrase no longer opens them', async () => {
    const keys = await open({ passphrase });
    const next = 'a brand-new passphrase for 2027';
    expect(await changeKeyPassphrase(database.db, { from: passphrase, to: next, actor: 'cli' })).toBe(2);
    expect(await refusal(open({ passphrase }))).toMatch(/does not open/);
    expect((await open({ passphrase: next })).listKeys()).toEqual(keys.listKeys());
    expect(await refusal(changeKeyPassphrase(database.db, { from: passphrase, to: 'whatever it may be', actor: 'cli' }))).toMatch(/does not open/);
  });

  it('withdraw: a retired key leaves the DID document and what it signed stops verifying', async () => {
    const keys = await open();
    const signed = await signCredential(sampleCredential(issuerLike, entries), await keys.signer('Ed25519'));
    const old = (await keys.signer('Ed25519')).id;
    expect(await refusal(withdrawIssuerKey(database.db, { id: old, actor: 'cli' }))).toMatch(/only retired keys/);
    await keys.rotate();
    await withdrawIssuerKey(database.db, { id: old, actor: 'cli' });
    const published = await keys.refresh();
    expect(published.map((k) => k.id)).not.toContain(old);
    expect(published).toHaveLength(3);
    const result = await verifyCredential(signed, { resolveKey: didDocumentKeyResolver([buildDidDocument(did, published)]) });
    expect(result.checks.find((c) => c.name === 'signature')).toMatchObject({ ok: false, code: 'unknown_key' });
  });

  it('can live in a key file instead (USTA_KEY_FILE), written owner-only and re-read after a rotation elsewhere', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-keyfile-'));
    try {
      const keyFile = path.join(dir, 'issuer-keys.json');
      const settings = { controller: did, passphrase, keyFile, recheckMs: 0 };
      const a = await openIssuerKeys(database.db, settings);
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(keyFile, 'utf8')).not.toContain('"d"');
      expect(await listSigningKeys(database.db)).toEqual([]);
      const b = await openIssuerKeys(database.db, settings);
      await a.rotate();
      // Another process rewrote the file: the next signature uses the new key.
      fs.utimesSync(keyFile, new Date(), new Date(Date.now() + 5_000));
      expect((await b.signer('Ed25519')).id).toBe((await a.signer('Ed25519')).id);
      expect(await refusal(openIssuerKeys(database.db, { ...settings, passphrase: 'not the file passphrase' }))).toMatch(/^IssuerKeysError: USTA_KEY_FILE .*wrong passphrase/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
