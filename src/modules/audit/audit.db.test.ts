import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { testBackend } from '../../../test/backend.js';
import { appendAudit } from './append-audit.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { canonicalJson } from './canonical-json.js';
import { auditRowsFor, readAuditPage } from './repository.js';
import { verifyAuditChain } from './verify-audit-chain.js';

let database: TestDatabase;
const ENTRIES = 6;

/** Raw SQL as someone with write access to the database would run it, the append-only trigger switched off. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

interface Snapshot {
  seq: number;
  at: Date;
  actor: string;
  entity: string;
  action: string;
  data: unknown;
  prevHash: string;
  hash: string;
}
let original: Snapshot[] = [];

/** Puts the log back exactly as appended, whatever a test did to it. */
async function restore(): Promise<void> {
  await tamper(sql`delete from audit_log`);
  for (const row of original) {
    await tamper(sql`insert into audit_log (seq, at, actor, entity, action, data, prev_hash, hash)
      values (${row.seq}, ${row.at.toISOString()}, ${row.actor}, ${row.entity}, ${row.action}, ${JSON.stringify(row.data)}::jsonb, ${row.prevHash}, ${row.hash})`);
  }
  const last = original.at(-1)!;
  await database.db.execute(sql`update audit_chain_head set seq = ${last.seq}, hash = ${last.hash} where id = 1`);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const at = new Date('2026-05-01T09:00:00.123Z');
  await database.db.transaction(async (tx) => {
    await appendAudit(tx, { actor: 'user:0f0e', entity: 'certificate:1', action: 'issued', data: { number: 'UZ-ENG-2026-000001', level: 2 }, at });
    await appendAudit(tx, { actor: 'user:0f0e', entity: 'certificate:2', action: 'issued', data: { number: 'UZ-ENG-2026-000002' }, at });
  });
  await database.db.transaction((tx) =>
    appendAudit(tx, { actor: 'user:77aa', entity: 'certificate:1', action: 'suspended', data: { reason: 'Тўлов қилинмаган', nested: { b: 1, a: [true, null] } } }),
  );
  await database.db.transaction((tx) => appendAudit(tx, { actor: 'user:77aa', entity: 'certificate:1', action: 'reinstated' }));
  await database.db.transaction((tx) => appendAudit(tx, { actor: 'system', entity: 'certificate:2', action: 'expired', data: { validUntil: '2029-05-01' } }));
  await database.db.transaction((tx) => appendAudit(tx, { actor: 'user:77aa', entity: 'certificate:2', action: 'revoked', data: { reason: 'fraud' } }));
  original = await readAuditPage(database.db, 0, 100);
  expect(original).toHaveLength(ENTRIES);
});
afterAll(async () => database.destroy());
beforeEach(async () => {
  await restore();
  expect((await verifyAuditChain(database.db)).ok).toBe(true);
});

describe(`audit trail (${testBackend()})`, () => {
  it('chains each entry to the one before it by a SHA-256 of its canonical JSON', async () => {
    expect(original.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(original[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < original.length; i++) expect(original[i]!.prevHash).toBe(original[i - 1]!.hash);
    const third = original[2]!;
    // jsonb stores keys in its own order; the hash is over the canonical form either way.
    expect(canonicalJson(third.data)).toBe('{"nested":{"a":[true,null],"b":1},"reason":"Тўлов қилинмаган"}');
    expect(third.hash).toBe(auditHash(third));
    expect(original[0]!.at.toISOString()).toBe('2026-05-01T09:00:00.123Z');
    expect((await auditRowsFor(database.db, 'certificate:1')).map((row) => row.action)).toEqual(['issued', 'suspended', 'reinstated']);
    expect(await verifyAuditChain(database.db, { batchSize: 4 })).toEqual({ ok: true, checked: ENTRIES, head: { seq: 6, hash: original[5]!.hash } });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the application’s own connection', async () => {
    const refusal = (statement: ReturnType<typeof sql>) =>
      database.db.execute(statement).then(
        () => 'allowed',
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      );
    expect(await refusal(sql`update audit_log set actor = 'someone else' where seq = 2`)).toMatch(/append-only: UPDATE/);
    expect(await refusal(sql`delete from audit_log where seq = 6`)).toMatch(/append-only: DELETE/);
    expect(await refusal(sql`truncate audit_log`)).toMatch(/append-only: TRUNCATE/);
  });

  const edits: Record<string, ReturnType<typeof sql>> = {
    at: sql`at = at + interval '1 second'`,
    actor: sql`actor = 'user:someone-else'`,
    entity: sql`entity = entity || '0'`,
    action: sql`action = action || '!'`,
    data: sql`data = data || '{"reason":"edited"}'::jsonb`,
    prev_hash: sql`prev_hash = md5(prev_hash) || md5(prev_hash)`,
    hash: sql`hash = md5(hash) || md5(hash)`,
  };
  for (const [field, edit] of Object.entries(edits)) {
    it(`finds an edited ${field} in any entry`, async () => {
      for (let seq = 1; seq <= ENTRIES; seq++) {
        await tamper(sql`update audit_log set ${edit} where seq = ${seq}`);
        const result = await verifyAuditChain(database.db);
        expect(result, `${field} of entry ${seq}`).toMatchObject({ ok: false, checked: seq - 1, problem: { kind: 'altered', seq } });
        await restore();
      }
    });
  }

  it('finds an entry rewritten with a freshly computed hash, by the link from the next one or by the chain head', async () => {
    for (let seq = 1; seq <= ENTRIES; seq++) {
      const row = original[seq - 1]!;
      const forged = { ...row, data: { reason: 'rewritten' } };
      await tamper(sql`update audit_log set data = ${JSON.stringify(forged.data)}::jsonb, hash = ${auditHash(forged)} where seq = ${seq}`);
      const result = await verifyAuditChain(database.db);
      expect(result.problem, `entry ${seq}`).toMatchObject({ kind: seq === ENTRIES ? 'head_mismatch' : 'unlinked', seq });
      await restore();
    }
  });

  it('finds a chain rewritten as a whole from some entry on, given an anchor written down before', async () => {
    let prevHash = original[0]!.hash;
    for (const row of original.slice(1)) {
      const forged = { ...row, actor: 'user:forger', prevHash };
      const hash = auditHash(forged);
      await tamper(sql`update audit_log set actor = ${forged.actor}, prev_hash = ${prevHash}, hash = ${hash} where seq = ${row.seq}`);
      prevHash = hash;
    }
    await database.db.execute(sql`update audit_chain_head set hash = ${prevHash} where id = 1`);
    // Consistent throughout: only something kept outside the database can tell.
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    const anchor = { seq: 3, hash: original[2]!.hash };
    expect((await verifyAuditChain(database.db, { anchor })).problem).toMatchObject({ kind: 'anchor', seq: 3 });
    expect((await verifyAuditChain(database.db, { anchor: { seq: 1, hash: original[0]!.hash } })).ok).toBe(true);
    expect((await verifyAuditChain(database.db, { anchor: { seq: 99, hash: original[0]!.hash } })).problem).toMatchObject({ kind: 'anchor', seq: 99 });
  });

  it('finds a deleted entry, first, in the middle or last', async () => {
    for (let seq = 1; seq <= ENTRIES; seq++) {
      await tamper(sql`delete from audit_log where seq = ${seq}`);
      const result = await verifyAuditChain(database.db);
      expect(result.problem, `entry ${seq}`).toMatchObject({ kind: seq === ENTRIES ? 'head_mismatch' : 'missing', seq });
      await restore();
    }
  });

  it('finds a deleted entry whose successors were renumbered to close the gap', async () => {
    await tamper(sql`delete from audit_log where seq = 3`);
    // Through negative numbers, so the unique sequence never sees two rows at once whatever the row order.
    await tamper(sql`update audit_log set seq = -(seq - 1) where seq > 3`);
    await tamper(sql`update audit_log set seq = -seq where seq < 0`);
    expect((await verifyAuditChain(database.db)).problem).toMatchObject({ kind: 'altered', seq: 3 });
  });

  it('finds two entries swapped, adjacent or apart', async () => {
    for (const [a, b] of [
      [1, 2],
      [2, 5],
      [5, 6],
    ] as const) {
      await tamper(sql`update audit_log set seq = -seq where seq in (${a}, ${b})`);
      await tamper(sql`update audit_log set seq = case seq when ${-a}::bigint then ${b}::bigint else ${a}::bigint end where seq in (${-a}, ${-b})`);
      const result = await verifyAuditChain(database.db);
      expect(result.problem, `${a} ⇄ ${b}`).toMatchObject({ kind: 'altered', seq: a });
      await restore();
    }
  });

  it('finds an entry added outside the chain head, and a missing head', async () => {
    const last = original.at(-1)!;
    const extra = { seq: 7, at: new Date(), actor: 'user:intruder', entity: 'certificate:9', action: 'issued', data: {}, prevHash: last.hash };
    await tamper(sql`insert into audit_log (seq, at, actor, entity, action, data, prev_hash, hash)
      values (7, ${extra.at.toISOString()}, ${extra.actor}, ${extra.entity}, ${extra.action}, '{}'::jsonb, ${extra.prevHash}, ${auditHash(extra)})`);
    expect((await verifyAuditChain(database.db)).problem).toMatchObject({ kind: 'head_mismatch', seq: 7 });
    await restore();
    await database.db.execute(sql`delete from audit_chain_head`);
    expect((await verifyAuditChain(database.db)).problem).toMatchObject({ kind: 'no_head' });
    await database.db.execute(sql`insert into audit_chain_head (id, seq, hash) values (1, ${last.seq}, ${last.hash})`);
  });

  it('keeps one unforked chain when many transactions append at once', async () => {
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        database.db.transaction((tx) => appendAudit(tx, { actor: 'system', entity: `certificate:c${i}`, action: 'issued', data: { i } })),
      ),
    );
    const result = await verifyAuditChain(database.db, { batchSize: 7 });
    expect(result).toMatchObject({ ok: true, checked: ENTRIES + 24, head: { seq: ENTRIES + 24 } });
    const rows = await readAuditPage(database.db, ENTRIES, 100);
    expect(new Set(rows.map((row) => row.entity)).size).toBe(24);
  });

  it('leaves an append rolled back with its transaction out of the chain', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await appendAudit(tx, { actor: 'system', entity: 'certificate:x', action: 'issued' });
        throw new Error('issuing failed after the audit entry');
      }),
    ).rejects.toThrow('issuing failed');
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: ENTRIES });
  });
});
