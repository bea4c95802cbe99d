import type { ChangeFeed } from '../../db/change-feed.js';
import type { DbOrTx } from '../../db/client.js';
import { RowCache } from '../../platform/cache/row-cache.js';
import { findLivePerson } from './person-values.js';
import type { PersonRow } from './repository.js';

/**
 * People read by id, kept in memory until their record or their employer changes on any instance.
 * API clients read the same records again and again (a form, then a sync); a change shows at once.
 */
export class KeptPeople {
  readonly #cache: RowCache<PersonRow>;

  constructor(changes: ChangeFeed) {
    this.#cache = new RowCache(changes);
  }

  /** The live record `id` stands for (a merged-away id answers with the kept one), or null. */
  find(db: DbOrTx, id: string): PersonRow | null | Promise<PersonRow | null> {
    const kept = this.#cache.get(id);
    if (kept) return kept;
    const mark = this.#cache.mark();
    return findLivePerson(db, id).then((row) => {
      if (row) {
        const tags = [`person:${id}`, `person:${row.id}`];
        if (row.employerId) tags.push(`organisation:${row.employerId}`);
        this.#cache.keep(id, Object.freeze(row), tags, mark);
      }
      return row;
    });
  }
}
