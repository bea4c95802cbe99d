import type { ChangeFeed } from '../../db/change-feed.js';
import { CACHE_CHANGES_CHANNEL } from '../../db/change-feed.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { notify } from '../../db/notify.js';

/** The kind under which certificate changes travel on the change feed (`certificate:<id>`). */
const KIND = 'certificate';

export interface CertificateChangeListener {
  /** These certificates changed: what was kept of them is stale. */
  changed(ids: readonly string[]): void;
  /** Changes may have been missed (listening (re)started or lost): everything kept is suspect. */
  reset(): void;
}

/** Listeners in this process, by the database handle they read through. */
const local = new WeakMap<object, Set<CertificateChangeListener>>();

/**
 * Within the transaction that changes certificates' status: tells the other instances on this
 * database, on commit only (a rolled-back change announces nothing).
 */
export async function announceCertificateChanges(tx: DbOrTx, ids: readonly string[]): Promise<void> {
  await notify(
    tx,
    CACHE_CHANGES_CHANNEL,
    ids.map((id) => `${KIND}:${id}`),
  );
}

/**
 * After that transaction committed: tells this process at once, so the next page view here shows
 * the change (the notification reaches this instance too, but only some moments later).
 */
export function certificatesChanged(db: Db, ids: readonly string[]): void {
  if (ids.length === 0) return;
  for (const listener of local.get(db) ?? []) listener.changed(ids);
}

/**
 * Follows changes to certificates made by this process and by every other instance on the same
 * database, through the instance's change feed. Returns a function that stops following.
 */
export function watchCertificateChanges(db: Db, changes: ChangeFeed, listener: CertificateChangeListener): () => void {
  let listeners = local.get(db);
  if (!listeners) local.set(db, (listeners = new Set()));
  listeners.add(listener);
  const own = listeners;
  const unsubscribe = changes.subscribe({
    changed: (kind, id) => {
      if (kind === KIND) listener.changed([id]);
    },
    reset: () => listener.reset(),
  });
  return () => {
    own.delete(listener);
    unsubscribe();
  };
}
