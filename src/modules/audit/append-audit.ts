import type { Tx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { auditHash } from './audit-hash.js';
import { canonicalJson } from './canonical-json.js';
import { insertAuditRow, insertAuditRows, lockChainHead, type AuditRow } from './repository.js';

export interface AuditEntryInput {
  /** `user:<id>`, `system` or `cli`. */
  actor: string;
  /** `<kind>:<id>`, e.g. `certificate:8f1c…`. */
  entity: string;
  /** What happened, e.g. `issued`, `suspended`, `revoked`. */
  action: string;
  /** Details worth keeping (reason, previous status…); JSON only, and no more personal data than needed. */
  data?: Record<string, unknown>;
  at?: Date;
}

export type AuditEntry = AuditRow;

/**
 * Appends an entry to the hash-chained audit log inside the caller's transaction, so the entry
 * exists exactly when the change it records does. The chain head stays locked until that
 * transaction ends: call this last, after slow work such as signing, to keep the wait short.
 */
export async function appendAudit(tx: Tx, input: AuditEntryInput): Promise<AuditEntry> {
  const head = await lockChainHead(tx);
  if (!head) throw new AppError('internal', { values: { reason: 'the audit chain head is missing' } });
  const row = chained(head, input);
  await insertAuditRow(tx, row);
  return row;
}

function chained(head: { seq: number; hash: string }, input: AuditEntryInput): AuditRow {
  // The stored value must hash the same when read back: keep only what JSON keeps, and milliseconds.
  const data = JSON.parse(canonicalJson(input.data ?? {})) as unknown;
  const at = new Date(Math.floor((input.at ?? new Date()).getTime()));
  const fields = { seq: head.seq + 1, at, actor: input.actor, entity: input.entity, action: input.action, data, prevHash: head.hash };
  return { ...fields, hash: auditHash(fields) };
}

/** Appends several entries in order, as `appendAudit` does one: the chain head is locked and moved once. */
export async function appendAuditEntries(tx: Tx, inputs: AuditEntryInput[]): Promise<AuditEntry[]> {
  if (inputs.length === 0) return [];
  const head = await lockChainHead(tx);
  if (!head) throw new AppError('internal', { values: { reason: 'the audit chain head is missing' } });
  const rows: AuditRow[] = [];
  let previous = head;
  for (const input of inputs) {
    const row = chained(previous, input);
    rows.push(row);
    previous = row;
  }
  await insertAuditRows(tx, rows);
  return rows;
}
