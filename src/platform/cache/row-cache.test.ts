import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../db/change-feed.js';
import type { Database } from '../../db/client.js';
import { RowCache } from './row-cache.js';

/** A feed over a stand-in for the database's LISTEN: the test plays the notifications and the connection. */
async function feed() {
  const calls = { notify: (_payload: string) => {}, listening: () => {}, lost: () => {} };
  const database = {
    kind: 'postgres',
    db: null as never,
    listen: async (_channel: string, onNotify: (payload: string) => void, onListening: () => void, onLost?: () => void) => {
      calls.notify = onNotify;
      calls.listening = onListening;
      calls.lost = onLost ?? (() => {});
      onListening();
      return async () => {};
    },
  } satisfies Pick<Database, 'kind' | 'db' | 'listen'>;
  const changes = new ChangeFeed(database);
  await changes.start();
  return { changes, ...calls };
}

describe('row cache', () => {
  it('forgets a value when a row it was made from changes, and only that value', async () => {
    const { changes, notify } = await feed();
    const cache = new RowCache<string>(changes);
    cache.keep('a', 'Aigerim', ['person:a', 'organisation:o'], cache.mark());
    cache.keep('b', 'Bakhtiyor', ['person:b'], cache.mark());
    expect(cache.get('a')).toBe('Aigerim');
    notify('organisation:o');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('Bakhtiyor');
    notify('user:b');
    expect(cache.get('b')).toBe('Bakhtiyor');
    notify('person:b');
    expect(cache.get('b')).toBeUndefined();
  });

  it('refuses a value read while a change arrived: it may predate the change', async () => {
    const { changes, notify } = await feed();
    const cache = new RowCache<string>(changes);
    const mark = cache.mark();
    notify('person:x');
    cache.keep('a', 'stale', ['person:a'], mark);
    expect(cache.get('a')).toBeUndefined();
  });

  it('answers nothing while the feed is not listening, and forgets everything when it is lost', async () => {
    const { changes, listening, lost } = await feed();
    const cache = new RowCache<string>(changes);
    cache.keep('a', 'Aigerim', ['person:a'], cache.mark());
    lost();
    expect(changes.live).toBe(false);
    expect(cache.get('a')).toBeUndefined();
    cache.keep('a', 'Aigerim', ['person:a'], cache.mark());
    listening();
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds a bounded number of values for a bounded time', async () => {
    const { changes } = await feed();
    const cache = new RowCache<number>(changes, { maxEntries: 3, maxAgeMs: 1_000 });
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) cache.keep(key, i, [`person:${key}`], cache.mark(), 10_000);
    expect(cache.size).toBe(3);
    expect(cache.get('a', 10_000)).toBeUndefined();
    expect(cache.get('d', 10_999)).toBe(3);
    expect(cache.get('d', 11_000)).toBeUndefined();
  });
});
