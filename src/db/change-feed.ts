import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

/** Where the triggers of migration 0011 announce changed rows, as `<kind>:<id>`. */
export const CACHE_CHANGES_CHANNEL = 'usta_cache_changes';

/** Payloads that only mark a point in the stream (see `settle`) start with this. */
const MARK_PREFIX = '~';

/** How long `settle` waits for its mark before treating the stream as unreliable. */
const SETTLE_TIMEOUT_MS = 2_000;

/** Something this instance keeps in memory that must forget rows when they change. */
export interface ChangeSubscriber {
  /** The row `id` of `kind` (user, person, organisation) changed or was deleted. */
  changed(kind: string, id: string): void;
  /** Changes may have been missed: forget everything. */
  reset(): void;
}

/**
 * The changes committed to rows that instances keep in memory, from every instance on the database,
 * delivered to this instance's caches. While the stream is not live (not yet listening, or the
 * connection was lost) caches must not answer from memory: they could miss a change.
 */
export class ChangeFeed {
  readonly #database: Pick<Database, 'kind' | 'db' | 'listen'>;
  readonly #subscribers = new Set<ChangeSubscriber>();
  readonly #marks = new Map<string, () => void>();
  #live = false;
  #stop: (() => Promise<void>) | null = null;
  /** Counts every change and reset, so a cache can tell whether one came while it read a row. */
  #sequence = 0;

  constructor(database: Pick<Database, 'kind' | 'db' | 'listen'>) {
    this.#database = database;
  }

  get live(): boolean {
    return this.#live;
  }

  /** Increases with every change delivered and every reset. */
  get sequence(): number {
    return this.#sequence;
  }

  subscribe(subscriber: ChangeSubscriber): () => void {
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }

  async start(): Promise<void> {
    if (this.#stop) return;
    this.#stop = await this.#database.listen(
      CACHE_CHANGES_CHANNEL,
      (payload) => this.#receive(payload),
      () => {
        this.#reset();
        this.#live = true;
      },
      () => {
        this.#live = false;
        this.#reset();
        this.#releaseMarks();
      },
    );
  }

  async stop(): Promise<void> {
    this.#live = false;
    const stop = this.#stop;
    this.#stop = null;
    await stop?.();
    this.#reset();
    this.#releaseMarks();
  }

  /**
   * Resolves once every change committed before the call has reached this instance, so that a
   * client reads its own writes here at once. The embedded database delivers a change before its
   * commit returns; a PostgreSQL server delivers changes in commit order, so a mark sent now
   * arrives after them.
   */
  async settle(): Promise<void> {
    if (this.#database.kind === 'pglite' || !this.#live) return;
    const mark = `${MARK_PREFIX}${crypto.randomUUID()}`;
    let timer: NodeJS.Timeout | undefined;
    const arrived = new Promise<boolean>((resolve) => {
      this.#marks.set(mark, () => resolve(true));
      timer = setTimeout(() => resolve(false), SETTLE_TIMEOUT_MS);
    });
    try {
      await this.#database.db.execute(sql`select pg_notify(${CACHE_CHANGES_CHANNEL}, ${mark})`);
      if (!(await arrived)) this.#reset();
    } finally {
      clearTimeout(timer);
      this.#marks.delete(mark);
    }
  }

  #receive(payload: string): void {
    if (payload.startsWith(MARK_PREFIX)) {
      this.#marks.get(payload)?.();
      return;
    }
    const at = payload.indexOf(':');
    if (at < 0) return;
    this.#sequence++;
    const kind = payload.slice(0, at);
    const id = payload.slice(at + 1);
    for (const subscriber of this.#subscribers) subscriber.changed(kind, id);
  }

  #reset(): void {
    this.#sequence++;
    for (const subscriber of this.#subscribers) subscriber.reset();
  }

  #releaseMarks(): void {
    for (const release of this.#marks.values()) release();
    this.#marks.clear();
  }
}
