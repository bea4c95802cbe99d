import type { ChangeFeed, ChangeSubscriber } from '../../db/change-feed.js';

export interface RowCacheOptions {
  /** At most this many values; the oldest kept goes first. */
  maxEntries?: number;
  /** A value older than this is read again, whatever the change feed said. */
  maxAgeMs?: number;
}

interface Entry<V> {
  value: V;
  keptAt: number;
  /** The rows the value was made from, as `<kind>:<id>`. */
  tags: readonly string[];
}

/**
 * Values read from the database and kept in this instance's memory until a row they were made from
 * changes (announced by the change feed, from any instance). Answers nothing while the feed is not
 * live, and keeps nothing read while a change arrived, so it never hands out what it cannot know
 * to be current.
 */
export class RowCache<V> implements ChangeSubscriber {
  readonly #feed: ChangeFeed;
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;
  readonly #entries = new Map<string, Entry<V>>();
  readonly #byTag = new Map<string, Set<string>>();
  readonly #unsubscribe: () => void;

  constructor(feed: ChangeFeed, options: RowCacheOptions = {}) {
    this.#feed = feed;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
    this.#unsubscribe = feed.subscribe(this);
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string, now = Date.now()): V | undefined {
    if (!this.#feed.live) return undefined;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now - entry.keptAt >= this.#maxAgeMs) {
      this.#delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Taken before reading the rows of a value; `keep` refuses the value if a change came since. */
  mark(): number {
    return this.#feed.sequence;
  }

  keep(key: string, value: V, tags: readonly string[], mark: number, now = Date.now()): void {
    if (!this.#feed.live || this.#feed.sequence !== mark) return;
    if (this.#entries.has(key)) {
      this.#delete(key);
    } else if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#delete(oldest.value);
    }
    this.#entries.set(key, { value, keptAt: now, tags });
    for (const tag of tags) {
      let keys = this.#byTag.get(tag);
      if (!keys) this.#byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  forget(key: string): void {
    this.#delete(key);
  }

  changed(kind: string, id: string): void {
    const keys = this.#byTag.get(`${kind}:${id}`);
    if (!keys) return;
    for (const key of [...keys]) this.#delete(key);
  }

  reset(): void {
    this.#entries.clear();
    this.#byTag.clear();
  }

  close(): void {
    this.#unsubscribe();
    this.reset();
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.#byTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.#byTag.delete(tag);
    }
  }
}
