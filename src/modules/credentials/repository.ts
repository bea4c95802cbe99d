import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { KeyAlgorithm } from './key-pairs.js';
import type { StatusPurpose } from './status-list.js';
import { signingKeys, statusListEntries, statusLists, type PrivateKeyEnvelope, type SigningKeyStatus } from './tables.js';

/** The rows of a raw statement; both drivers answer with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Arbitrary constant naming the advisory lock under which keys are created and rotated. */
const SIGNING_KEYS_LOCK = 7_304_185_222;

export interface SigningKeyRow {
  id: string;
  controller: string;
  algorithm: KeyAlgorithm;
  status: SigningKeyStatus;
  publicKeyMultibase: string;
  privateKey: PrivateKeyEnvelope | null;
  createdAt: Date;
  retiredAt: Date | null;
  withdrawnAt: Date | null;
}

const keyColumns = {
  id: signingKeys.id,
  controller: signingKeys.controller,
  algorithm: signingKeys.algorithm,
  status: signingKeys.status,
  publicKeyMultibase: signingKeys.publicKeyMultibase,
  privateKey: signingKeys.privateKey,
  createdAt: signingKeys.createdAt,
  retiredAt: signingKeys.retiredAt,
  withdrawnAt: signingKeys.withdrawnAt,
};

/** Held until the transaction ends, so two instances starting at once cannot both create keys. */
export async function lockSigningKeys(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SIGNING_KEYS_LOCK})`);
}

/** Every key, newest first. */
export async function listSigningKeys(db: DbOrTx): Promise<SigningKeyRow[]> {
  return db.select(keyColumns).from(signingKeys).orderBy(sql`${signingKeys.createdAt} desc`, asc(signingKeys.id));
}

/** A short text that changes whenever a key is added or changes status: what instances poll to notice a rotation. */
export async function signingKeysFingerprint(db: DbOrTx): Promise<string> {
  const rows = await db.select({ id: signingKeys.id, status: signingKeys.status }).from(signingKeys).orderBy(asc(signingKeys.id));
  return rows.map((r) => `${r.id}=${r.status}`).join(',');
}

export async function insertSigningKeys(tx: Tx, rows: SigningKeyRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(signingKeys).values(rows);
}

/** Retires every current key and forgets its private half; returns the ids retired. */
export async function retireCurrentKeys(tx: Tx, at: Date): Promise<string[]> {
  const rows = await tx
    .update(signingKeys)
    .set({ status: 'retired', retiredAt: at, privateKey: null })
    .where(eq(signingKeys.status, 'current'))
    .returning({ id: signingKeys.id });
  return rows.map((r) => r.id);
}

export async function setPrivateKey(tx: Tx, id: string, privateKey: PrivateKeyEnvelope): Promise<void> {
  await tx.update(signingKeys).set({ privateKey }).where(and(eq(signingKeys.id, id), eq(signingKeys.status, 'current')));
}

/** Takes a retired key out of the DID document; returns false when there is no such retired key. */
export async function withdrawRetiredKey(tx: Tx, id: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(signingKeys)
    .set({ status: 'withdrawn', withdrawnAt: at })
    .where(and(eq(signingKeys.id, id), eq(signingKeys.status, 'retired')))
    .returning({ id: signingKeys.id });
  return rows.length > 0;
}

export interface StatusListRef {
  id: number;
  purpose: StatusPurpose;
  number: number;
  length: number;
}

const listRefColumns = { id: statusLists.id, purpose: statusLists.purpose, number: statusLists.number, length: statusLists.length };

/** The lowest-numbered list of that purpose still taking entries. */
export async function findOpenStatusList(db: DbOrTx, purpose: StatusPurpose): Promise<StatusListRef | null> {
  const rows = await db
    .select(listRefColumns)
    .from(statusLists)
    .where(and(eq(statusLists.purpose, purpose), isNull(statusLists.fullAt)))
    .orderBy(asc(statusLists.number))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Adds the next list of a purpose with every bit clear. Two transactions adding one at once agree:
 * the second waits for the first and then adds nothing.
 */
export async function insertNextStatusList(db: DbOrTx, purpose: StatusPurpose, length: number): Promise<void> {
  await db.execute(sql`
    insert into ${statusLists} (purpose, number, length, bits)
    select ${purpose}, coalesce(max(number), 0) + 1, ${length}, decode(repeat('00', ${length / 8}), 'hex')
    from ${statusLists} where purpose = ${purpose}
    on conflict (purpose, number) do nothing`);
}

export async function markStatusListFull(db: DbOrTx, id: number): Promise<void> {
  await db.update(statusLists).set({ fullAt: sql`now()` }).where(and(eq(statusLists.id, id), isNull(statusLists.fullAt)));
}

/**
 * Takes the first of `candidates` that no other credential holds. Taken indices are skipped; one
 * taken by a transaction still in flight makes this wait for it and then yield nothing, never an
 * error, so the caller's transaction survives and simply tries other candidates.
 */
export async function claimStatusIndex(db: DbOrTx, listId: number, candidates: number[]): Promise<number | null> {
  const result = await db.execute(sql`
    insert into ${statusListEntries} (list_id, index)
    select ${listId}, candidate from unnest(${sql.param(candidates)}::int[]) with ordinality as c(candidate, position)
    where not exists (select 1 from ${statusListEntries} e where e.list_id = ${listId} and e.index = c.candidate)
    order by c.position
    limit 1
    on conflict do nothing
    returning index`);
  const row = rowsOf<{ index: number }>(result)[0];
  return row ? Number(row.index) : null;
}

/**
 * For each purpose, claims up to `count` free candidate indices in that purpose's open list, in
 * the candidates' order: one statement for all purposes. A purpose without an open list, or whose
 * candidates were taken, comes back short; the caller goes on from there.
 */
export async function claimInOpenLists(
  db: DbOrTx,
  wanted: Array<{ purpose: StatusPurpose; candidates: number[] }>,
  count: number,
): Promise<Array<{ purpose: StatusPurpose; listId: number; listNumber: number; index: number }>> {
  if (wanted.length === 0) return [];
  const parts = wanted.map(
    ({ purpose, candidates }, i) => sql`
    ${sql.raw(`open_${i}`)} as (
      select id, number, length from ${statusLists} where purpose = ${purpose} and full_at is null order by number limit 1
    ),
    ${sql.raw(`claimed_${i}`)} as (
      insert into ${statusListEntries} (list_id, index)
      select o.id, c.candidate
      from ${sql.raw(`open_${i}`)} o,
        (select candidate, min(position) as position from unnest(${sql.param(candidates)}::int[]) with ordinality as u(candidate, position) group by candidate) c
      where c.candidate < o.length
        and not exists (select 1 from ${statusListEntries} e where e.list_id = o.id and e.index = c.candidate)
      order by c.position
      limit ${count}
      on conflict do nothing
      returning list_id, index
    )`,
  );
  const selects = wanted.map(
    ({ purpose }, i) =>
      sql`select ${purpose}::text as purpose, c.list_id, c.index, o.number from ${sql.raw(`claimed_${i}`)} c, ${sql.raw(`open_${i}`)} o`,
  );
  const result = await db.execute(sql`with ${sql.join(parts, sql`, `)} ${sql.join(selects, sql` union all `)}`);
  return rowsOf<{ purpose: StatusPurpose; list_id: number; index: number; number: number }>(result).map((row) => ({
    purpose: row.purpose,
    listId: Number(row.list_id),
    listNumber: Number(row.number),
    index: Number(row.index),
  }));
}

/** PostgreSQL numbers a byte's bits from the least significant; status lists from the most significant. */
function postgresBit(index: number): number {
  return (index & ~7) | (7 - (index & 7));
}

/**
 * Sets or clears one allocated entry's bit; the version grows only when the bit changes. Returns
 * null when that index was never allocated in that list.
 */
export async function writeStatusBit(tx: Tx, listId: number, index: number, on: boolean): Promise<{ changed: boolean; version: number } | null> {
  const bit = postgresBit(index);
  const value = on ? 1 : 0;
  const result = await tx.execute(sql`
    with old as (
      select get_bit(bits, ${bit}) <> ${value} as changed from ${statusLists}
      where id = ${listId} and exists (select 1 from ${statusListEntries} where list_id = ${listId} and index = ${index})
      for update
    )
    update ${statusLists} set
      bits = set_bit(bits, ${bit}, ${value}),
      version = version + case when old.changed then 1 else 0 end,
      updated_at = case when old.changed then now() else updated_at end
    from old where id = ${listId}
    returning old.changed as changed, version`);
  const row = rowsOf<{ changed: boolean; version: number }>(result)[0];
  return row ? { changed: Boolean(row.changed), version: Number(row.version) } : null;
}

export async function readStatusBit(db: DbOrTx, listId: number, index: number): Promise<boolean | null> {
  const result = await db.execute(sql`select get_bit(bits, ${postgresBit(index)}) as bit from ${statusLists} where id = ${listId}`);
  const row = rowsOf<{ bit: number }>(result)[0];
  return row ? Number(row.bit) === 1 : null;
}

export interface StatusListVersion extends StatusListRef {
  version: number;
  updatedAt: Date;
}

export async function findStatusListVersion(db: DbOrTx, purpose: StatusPurpose, number: number): Promise<StatusListVersion | null> {
  const rows = await db
    .select({ ...listRefColumns, version: statusLists.version, updatedAt: statusLists.updatedAt })
    .from(statusLists)
    .where(and(eq(statusLists.purpose, purpose), eq(statusLists.number, number)))
    .limit(1);
  return rows[0] ?? null;
}

/** The bits with the version and time they belong to, read together. */
export async function readStatusListBits(db: DbOrTx, id: number): Promise<{ bits: Buffer; version: number; updatedAt: Date } | null> {
  const rows = await db
    .select({ bits: statusLists.bits, version: statusLists.version, updatedAt: statusLists.updatedAt })
    .from(statusLists)
    .where(eq(statusLists.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function countStatusEntries(db: DbOrTx, listId: number): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(statusListEntries).where(eq(statusListEntries.listId, listId));
  return rows[0]?.n ?? 0;
}
