import type { ProofPool } from '../credentials/proof-pool.js';

/**
 * What the certificates of one run (a bulk issue, an upgrade pass) share: facts every certificate
 * of a scheme and level repeats, read once, and where the proofs are made. A run lives no longer
 * than its transaction, so what it remembers cannot go stale.
 */
export interface IssueRun {
  /** Worker threads that make the Data Integrity proofs, or null to make them on this thread. */
  readonly pool: ProofPool | null;
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export function issueRun(pool: ProofPool | null = null): IssueRun {
  const values = new Map<string, Promise<unknown>>();
  return {
    pool,
    memo<T>(key: string, load: () => Promise<T>): Promise<T> {
      let value = values.get(key) as Promise<T> | undefined;
      if (!value) {
        value = load();
        values.set(key, value);
        value.catch(() => values.delete(key));
      }
      return value;
    },
  };
}

/**
 * Starts each item in order and finishes them in the same order, with up to `ahead` started but
 * not yet finished: what is started meanwhile (proofs in worker threads) overlaps the next writes.
 */
export async function startAhead<I, S>(items: Iterable<I>, ahead: number, start: (item: I) => Promise<S>, finish: (started: S) => Promise<void>): Promise<void> {
  const started: S[] = [];
  for (const item of items) {
    started.push(await start(item));
    if (started.length > ahead) await finish(started.shift()!);
  }
  while (started.length > 0) await finish(started.shift()!);
}
