import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { testBackend } from '../../../test/backend.js';
import { allocateStatusEntries, allocateStatusEntryBatch, type StatusEntry } from './allocate-status-entries.js';
import { issuerFor, type Issuer } from './issuer.js';
import { didDocumentKeyResolver } from './key-resolver.js';
import { countStatusEntries, findOpenStatusList, readStatusBit } from './repository.js';
import { sampleCredential } from './sample-credential.js';
import { setStatus } from './set-status.js';
import { signCredential } from './sign-credential.js';
import { Bitstring, MIN_STATUS_LIST_LENGTH } from './status-list.js';
import { verifyCredential } from './verify-credential.js';
import { verifyDataIntegrity } from './verify-data-integrity.js';

let ctx: TestContext;
let issuer: Issuer;
beforeAll(async () => {
  ctx = await createTestApp({ USTA_PUBLIC_URL: 'https://certs.example.uz' });
  issuer = issuerFor(ctx);
});
afterAll(async () => ctx.close());

const allocate = () => ctx.database.db.transaction((tx) => allocateStatusEntries(tx));
const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

async function servedList(purpose: string, number = 1) {
  const res = await get(`/credentials/status/${purpose}/${number}`);
  expect(res.statusCode).toBe(200);
  return { res, body: res.json<{ issuer: string; credentialSubject: { encodedList: string; statusPurpose: string }; proof: unknown }>() };
}

describe(`status lists (${testBackend()})`, () => {
  it('hand out unique indices in random order, a revocation and a suspension entry each', async () => {
    const batches = await Promise.all(
      Array.from({ length: 8 }, () =>
        ctx.database.db.transaction(async (tx) => {
          const out: Record<'revocation' | 'suspension', StatusEntry>[] = [];
          for (let i = 0; i < 30; i++) out.push(await allocateStatusEntries(tx));
          return out;
        }),
      ),
    );
    const all = batches.flat();
    expect(all).toHaveLength(240);
    for (const purpose of ['revocation', 'suspension'] as const) {
      const indices = all.map((e) => e[purpose].index);
      expect(new Set(indices).size).toBe(240);
      expect(all.every((e) => e[purpose].listNumber === 1 && e[purpose].purpose === purpose)).toBe(true);
      // Neither in issue order nor bunched: spread across the whole list.
      const sorted = [...indices].sort((a, b) => a - b);
      expect(indices).not.toEqual(sorted);
      expect(sorted[0]!).toBeLessThan(MIN_STATUS_LIST_LENGTH / 20);
      expect(sorted.at(-1)!).toBeGreaterThan((MIN_STATUS_LIST_LENGTH * 19) / 20);
      expect(await countStatusEntries(ctx.database.db, all[0]![purpose].listId)).toBeGreaterThanOrEqual(240);
    }
  });

  it('give an index back when the transaction that took it rolls back', async () => {
    const picks = [77, 77, 78];
    let taken: StatusEntry | undefined;
    await expect(
      ctx.database.db.transaction(async (tx) => {
        taken = (await allocateStatusEntries(tx, { purposes: ['revocation'], randomInt: () => picks[0]! })).revocation;
        throw new Error('the certificate could not be issued');
      }),
    ).rejects.toThrow('could not be issued');
    expect(taken?.index).toBe(77);
    const again = await ctx.database.db.transaction((tx) => allocateStatusEntries(tx, { purposes: ['revocation'], randomInt: () => 77 }));
    expect(again.revocation.index).toBe(77);
    let n = 0;
    const next = await ctx.database.db.transaction((tx) => allocateStatusEntries(tx, { purposes: ['revocation'], randomInt: () => picks[n++ % 3]! }));
    expect(next.revocation.index).toBe(78);
  });

  it('open the next list when one is full', async () => {
    const open = (await findOpenStatusList(ctx.database.db, 'suspension'))!;
    // Everything but three indices is taken.
    await ctx.database.db.execute(sql`
      insert into status_list_entries (list_id, index)
      select ${open.id}, i from generate_series(0, ${MIN_STATUS_LIST_LENGTH - 1}) as i where i not in (5, 6, 7)
      on conflict do nothing`);
    const entry = (await ctx.database.db.transaction((tx) => allocateStatusEntries(tx, { purposes: ['suspension'] }))).suspension;
    if (entry.listNumber === 1) {
      // 128 random draws hit one of the three free indices: rare, and still correct.
      expect([5, 6, 7]).toContain(entry.index);
    } else {
      expect(entry.listNumber).toBe(2);
      expect((await findOpenStatusList(ctx.database.db, 'suspension'))!.number).toBe(2);
      const served = await servedList('suspension', 2);
      expect(Bitstring.decode(served.body.credentialSubject.encodedList)?.length).toBe(MIN_STATUS_LIST_LENGTH);
    }
  });

  it('hand out a batch at once: unique positions for both purposes, past taken candidates, into the next list when one is full', async () => {
    const { db } = ctx.database;
    // The suspension list is full but for a few indices (test above): the batch must go on in the next one.
    const batch = await db.transaction((tx) => allocateStatusEntryBatch(tx, 60));
    expect(batch).toHaveLength(60);
    for (const purpose of ['revocation', 'suspension'] as const) {
      const entries = batch.map((e) => e[purpose]);
      expect(entries.every((e) => e.purpose === purpose)).toBe(true);
      expect(new Set(entries.map((e) => `${e.listId}:${e.index}`)).size).toBe(60);
      for (const entry of entries) {
        const found = await db.execute(sql`select 1 from status_list_entries where list_id = ${entry.listId} and index = ${entry.index}`);
        expect((found as { rows: unknown[] }).rows, `${purpose} ${entry.index}`).toHaveLength(1);
      }
    }
    expect(new Set(batch.map((e) => e.suspension.listNumber)).has(2)).toBe(true);

    // Candidates already taken are passed over, in the order drawn.
    const taken = batch[0]!.revocation.index;
    const freeRows = await db.execute(sql`
      select i from generate_series(0, 5000) as i
      where not exists (select 1 from status_list_entries e where e.list_id = ${batch[0]!.revocation.listId} and e.index = i)
      order by i limit 3`);
    const free = (freeRows as { rows: Array<{ i: number }> }).rows.map((r) => Number(r.i));
    let n = 0;
    const draws = [taken, free[0]!, taken, free[1]!, free[0]!, free[2]!];
    const forced = await db.transaction((tx) => allocateStatusEntryBatch(tx, 3, { purposes: ['revocation'], randomInt: () => draws[n++ % draws.length]! }));
    expect(forced.map((e) => e.revocation.index)).toEqual(free);
  });

  it('serve a signed list that verifies, shows a set bit, and is re-signed only when its version changes', async () => {
    const entries = await allocate();
    const first = await servedList('revocation');
    expect(first.res.headers['cache-control']).toBe('public, max-age=300');
    expect(first.res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.body.issuer).toBe(issuer.did);
    expect(first.body.credentialSubject.statusPurpose).toBe('revocation');
    const resolveKey = didDocumentKeyResolver([await issuer.didDocument()]);
    expect(await verifyDataIntegrity(first.body as never, resolveKey)).toMatchObject({ ok: true, key: { controller: issuer.did } });
    expect(Bitstring.decode(first.body.credentialSubject.encodedList)!.get(entries.revocation.index)).toBe(false);

    // Served again unchanged: the very same signed bytes, and a 304 for a matching ETag.
    const second = await servedList('revocation');
    expect(second.res.body).toBe(first.res.body);
    const etag = String(first.res.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const notModified = await get('/credentials/status/revocation/1', { 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');

    await ctx.database.db.transaction(async (tx) => {
      expect(await setStatus(tx, entries.revocation, true)).toBe(true);
      expect(await setStatus(tx, entries.revocation, true)).toBe(false);
    });
    expect(await readStatusBit(ctx.database.db, entries.revocation.listId, entries.revocation.index)).toBe(true);
    const third = await servedList('revocation');
    expect(third.res.headers.etag).not.toBe(etag);
    expect(third.res.body).not.toBe(first.res.body);
    const bits = Bitstring.decode(third.body.credentialSubject.encodedList)!;
    expect(bits.get(entries.revocation.index)).toBe(true);
    expect([...Array(bits.length).keys()].filter((i) => bits.get(i))).toEqual([entries.revocation.index]);
    expect((await get('/credentials/status/revocation/1', { 'if-none-match': etag })).statusCode).toBe(200);
  });

  it('change nothing when the transaction that set a bit rolls back', async () => {
    const entries = await allocate();
    const before = await servedList('suspension');
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await setStatus(tx, entries.suspension, true);
        throw new Error('the suspension was not saved');
      }),
    ).rejects.toThrow();
    const after = await servedList('suspension');
    expect(after.res.body).toBe(before.res.body);
    expect(await readStatusBit(ctx.database.db, entries.suspension.listId, entries.suspension.index)).toBe(false);
  });

  it('refuse to set a bit nobody was given', async () => {
    const open = (await findOpenStatusList(ctx.database.db, 'revocation'))!;
    const unused = MIN_STATUS_LIST_LENGTH - 1;
    await ctx.database.db.execute(sql`delete from status_list_entries where list_id = ${open.id} and index = ${unused}`);
    await expect(ctx.database.db.transaction((tx) => setStatus(tx, { listId: open.id, index: unused }, true))).rejects.toMatchObject({
      code: 'internal',
      details: { values: { reason: expect.stringMatching(/never allocated/) } },
    });
  });

  it('answer 404 for a list that does not exist and 400 for a purpose that does not', async () => {
    expect((await get('/credentials/status/revocation/99')).statusCode).toBe(404);
    expect((await get('/credentials/status/expiry/1')).statusCode).toBe(400);
  });

  it('let the server verify its own credentials from the database, revoked ones reported revoked', async () => {
    const entries = await allocate();
    const keys = await issuer.keys();
    const signed = await signCredential(sampleCredential(issuer, entries), await keys.signer('Ed25519'));
    const sources = await issuer.verifySources();
    const valid = await verifyCredential(signed, sources);
    expect(valid.checks.filter((c) => !c.ok)).toEqual([]);
    await ctx.database.db.transaction((tx) => setStatus(tx, entries.revocation, true));
    const revoked = await verifyCredential(signed, await issuer.verifySources());
    expect(revoked).toMatchObject({ valid: false, status: { revoked: true, suspended: false } });
    expect(revoked.checks.find((c) => c.name === 'status')).toMatchObject({ ok: false, code: 'revoked' });
  });
});

describe('the DID document and OB 3.0 discovery', () => {
  it('publish the keys as Multikey verification methods with a short cache lifetime', async () => {
    const res = await get('/.well-known/did.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    // Wallets and verifier pages on other sites fetch it from the browser.
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const document = res.json<{ id: string; verificationMethod: { id: string; type: string; controller: string }[]; assertionMethod: string[] }>();
    expect(document.id).toBe('did:web:certs.example.uz');
    expect(document.verificationMethod.map((m) => m.type)).toEqual(['Multikey', 'Multikey']);
    expect(document.assertionMethod).toEqual(document.verificationMethod.map((m) => m.id));
    expect(document).toEqual(await issuer.didDocument());
  });

  it('describe the OB 3.0 service with this deployment’s address and the bearer token it accepts', async () => {
    const res = await get('/ims/ob/v3p0/discovery');
    expect(res.statusCode).toBe(200);
    const sdd = res.json<{
      openapi: string;
      info: Record<string, string>;
      servers: { url: string }[];
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
    }>();
    expect(sdd.openapi).toBe('3.0.1');
    expect(sdd.info).toMatchObject({ termsOfService: 'https://certs.example.uz/terms', 'x-imssf-privacyPolicyUrl': 'https://certs.example.uz/privacy' });
    expect(sdd.servers).toEqual([expect.objectContaining({ url: 'https://certs.example.uz/ims/ob/v3p0' })]);
    expect(Object.keys(sdd.paths).sort()).toEqual(['/credentials', '/discovery']);
    expect(Object.keys(sdd.paths['/credentials']!)).toEqual(['get']);
    expect(sdd.paths['/credentials']!.get!.security).toEqual([{ bearer: [] }]);
    expect(sdd.components.securitySchemes).toEqual({ bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
    // Every reference in the document resolves inside it.
    const refs = [...res.body.matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(20);
    for (const [, section, name] of refs) expect((sdd.components as Record<string, Record<string, unknown>>)[section!]?.[name!], `${section}/${name}`).toBeDefined();
  });
});
