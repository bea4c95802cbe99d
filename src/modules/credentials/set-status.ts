import type { Tx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import type { StatusEntry } from './allocate-status-entries.js';
import { writeStatusBit } from './repository.js';

/**
 * Sets (revoked / suspended) or clears (reinstated) a credential's status bit, inside the
 * transaction that changes the certificate, so the published list and the certificate never
 * disagree. The list's version grows only when the bit changes, which makes the next request for
 * it sign a fresh copy. Returns whether the bit changed.
 */
export async function setStatus(tx: Tx, entry: Pick<StatusEntry, 'listId' | 'index'>, on: boolean): Promise<boolean> {
  const result = await writeStatusBit(tx, entry.listId, entry.index, on);
  if (!result) throw new AppError('internal', { values: { reason: `status index ${entry.index} of list ${entry.listId} was never allocated` } });
  return result.changed;
}
