import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { claimInOpenLists, claimStatusIndex, findOpenStatusList, insertNextStatusList, markStatusListFull, type StatusListRef } from './repository.js';
import { MIN_STATUS_LIST_LENGTH, type StatusPurpose } from './status-list.js';
import { STATUS_PURPOSES } from './status-urls.js';

/** One credential's position in one status list; keep `listId` and `index` to change its status later. */
export interface StatusEntry {
  listId: number;
  purpose: StatusPurpose;
  /** The list's number within its purpose: its URL is /credentials/status/<purpose>/<listNumber>. */
  listNumber: number;
  index: number;
}

export interface AllocateStatusOptions {
  /** Defaults to both: a revocation and a suspension entry. */
  purposes?: readonly StatusPurpose[];
  randomInt?: (max: number) => number;
}

/** Random indices tried per query, and queries per list before it counts as full. */
const CANDIDATES = 32;
const ROUNDS = 4;

async function openList(tx: Tx, purpose: StatusPurpose): Promise<StatusListRef> {
  const open = await findOpenStatusList(tx, purpose);
  if (open) return open;
  await insertNextStatusList(tx, purpose, MIN_STATUS_LIST_LENGTH);
  const created = await findOpenStatusList(tx, purpose);
  if (!created) throw new AppError('internal', { values: { reason: `no open ${purpose} status list` } });
  return created;
}

async function allocateOne(tx: Tx, purpose: StatusPurpose, randomInt: (max: number) => number): Promise<StatusEntry> {
  for (let list = 0; list < 4; list++) {
    const open = await openList(tx, purpose);
    for (let round = 0; round < ROUNDS; round++) {
      const candidates = Array.from({ length: CANDIDATES }, () => randomInt(open.length));
      const index = await claimStatusIndex(tx, open.id, candidates);
      if (index !== null) return { listId: open.id, purpose, listNumber: open.number, index };
    }
    // 128 random draws all taken: the list is nearly full (over 97 % with near certainty). Move on.
    await markStatusListFull(tx, open.id);
  }
  throw new AppError('internal', { values: { reason: `no free ${purpose} status index` } });
}

/**
 * Gives a new credential its status positions, inside the caller's transaction: a uniformly random
 * free index in the open list of each purpose (so an index says nothing about when or to whom a
 * credential was issued), unique per list, with a new list opened when one fills. Rolled back with
 * the caller's transaction, the indices are free again.
 */
export async function allocateStatusEntries(tx: Tx, options: AllocateStatusOptions = {}): Promise<Record<StatusPurpose, StatusEntry>> {
  const randomInt = options.randomInt ?? ((max: number) => crypto.randomInt(max));
  const entries: Partial<Record<StatusPurpose, StatusEntry>> = {};
  for (const purpose of options.purposes ?? STATUS_PURPOSES) entries[purpose] = await allocateOne(tx, purpose, randomInt);
  return entries as Record<StatusPurpose, StatusEntry>;
}

/**
 * Positions for `count` new credentials at once (a batch of certificates): the same random free
 * indices as `allocateStatusEntries`, claimed for every purpose in one statement while the open
 * lists have room; the rest (a list filling up, none open yet) the way one credential's are.
 */
export async function allocateStatusEntryBatch(tx: Tx, count: number, options: AllocateStatusOptions = {}): Promise<Array<Record<StatusPurpose, StatusEntry>>> {
  const randomInt = options.randomInt ?? ((max: number) => crypto.randomInt(max));
  const purposes = options.purposes ?? STATUS_PURPOSES;
  // Lists are made MIN_STATUS_LIST_LENGTH long; twice the draws needed, and some, so that a few collisions cost nothing.
  const draws = () => Array.from({ length: count * 2 + CANDIDATES }, () => randomInt(MIN_STATUS_LIST_LENGTH));
  const claimed = await claimInOpenLists(
    tx,
    purposes.map((purpose) => ({ purpose, candidates: draws() })),
    count,
  );
  const byPurpose = new Map<StatusPurpose, StatusEntry[]>();
  for (const purpose of purposes) {
    const entries: StatusEntry[] = claimed.filter((c) => c.purpose === purpose).map((c) => ({ ...c, purpose }));
    while (entries.length < count) entries.push(await allocateOne(tx, purpose, randomInt));
    byPurpose.set(purpose, entries);
  }
  return Array.from({ length: count }, (_, i) => Object.fromEntries(purposes.map((p) => [p, byPurpose.get(p)![i]!])) as Record<StatusPurpose, StatusEntry>);
}
