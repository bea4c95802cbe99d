import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { nextInSequence } from './next-in-sequence.js';
import { lastNumber } from './repository.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.destroy();
});

const take = (scope: string, year: number) => database.db.transaction((tx) => nextInSequence(tx, scope, year));

describe('nextInSequence', () => {
  it('starts at 1 and counts up by one', async () => {
    expect(await take('first', 2026)).toBe(1);
    expect(await take('first', 2026)).toBe(2);
    expect(await take('first', 2026)).toBe(3);
  });

  it('gives 50 concurrent writers the numbers 1 to 50, each once', async () => {
    const numbers = await Promise.all(Array.from({ length: 50 }, () => take('burst', 2026)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('keeps scopes and years apart, also when they are taken at the same time', async () => {
    const jobs = ['a', 'b'].flatMap((scope) => [2026, 2027].flatMap((year) => Array.from({ length: 10 }, () => take(`apart-${scope}`, year).then((n) => ({ key: `${scope}-${year}`, n })))));
    const results = await Promise.all(jobs);
    for (const key of ['a-2026', 'a-2027', 'b-2026', 'b-2027']) {
      expect(results.filter((r) => r.key === key).map((r) => r.n).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
  });

  it('gives a number back when the transaction that took it rolls back', async () => {
    expect(await take('rollback', 2026)).toBe(1);
    const failed = database.db.transaction(async (tx) => {
      expect(await nextInSequence(tx, 'rollback', 2026)).toBe(2);
      throw new Error('the numbered record could not be written');
    });
    await expect(failed).rejects.toThrow('could not be written');
    expect(await lastNumber(database.db, 'rollback', 2026)).toBe(1);
    expect(await take('rollback', 2026)).toBe(2);
  });

  it('leaves no gap when some of many concurrent writers roll back', async () => {
    const attempts = Array.from({ length: 30 }, (_, i) =>
      database.db
        .transaction(async (tx) => {
          const n = await nextInSequence(tx, 'mixed', 2026);
          if (i % 3 === 0) throw new Error('rolled back');
          return n;
        })
        .catch(() => null),
    );
    const kept = (await Promise.all(attempts)).filter((n): n is number => n !== null);
    expect(kept.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await lastNumber(database.db, 'mixed', 2026)).toBe(20);
  });

  it('refuses a call without a scope or a whole year', async () => {
    await expect(take('', 2026)).rejects.toThrow(RangeError);
    await expect(take('x', 2026.5)).rejects.toThrow(RangeError);
  });
});
