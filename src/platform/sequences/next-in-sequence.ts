import type { Tx } from '../../db/client.js';
import { takeNextNumber, takeNextNumbers } from './repository.js';

/**
 * The next number of a gap-free sequence (invoice numbers, certificate numbers), per scope and
 * year, starting at 1. It must be taken in the transaction that writes the numbered record:
 * if that transaction rolls back, so does the number, and the next writer gets it; writers of
 * the same scope and year take turns on the sequence row until each commits, so no two ever
 * share a number. The lock is held to the end of the caller's transaction: take the number as
 * late as possible in it.
 */
export async function nextInSequence(tx: Tx, scope: string, year: number): Promise<number> {
  if (!scope) throw new RangeError('A sequence needs a scope');
  if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
  return takeNextNumber(tx, scope, year);
}

/** The next `count` numbers of the sequence, in order, taken in one step (a bulk issue numbers a batch at once). */
export async function nextNumbersInSequence(tx: Tx, scope: string, year: number, count: number): Promise<number[]> {
  if (!scope) throw new RangeError('A sequence needs a scope');
  if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Not a count: ${count}`);
  const last = await takeNextNumbers(tx, scope, year, count);
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}
