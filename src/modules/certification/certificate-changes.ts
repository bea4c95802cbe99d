import type { Database, Db, DbOrTx } from '../../db/client.js';
import { notify } from '../../db/notify.js';

/** Carries the id of each certificate whose public facts changed, once the change commits. */
export const CERTIFICATE_CHANGES_CHANNEL = 'usta_certificate_changes';

export interface CertificateChangeListener {
  /** These certificates changed: what was kept of them is stale. */
  changed(ids: readonly string[]): void;
  /** Changes may have been missed (listening (re)started): everything kept is suspect. */
  reset(): void;
}

/** Listeners in this process, by the database handle they read through. */
const local = new WeakMap<object, Set<CertificateChangeListener>>();

/**
 * Within the transaction that changes certificates' status: tells the other instances on this
 * database, on commit only (a rolled-back change announces nothing).
 */
export async function announceCertificateChanges(tx: DbOrTx, ids: readonly string[]): Promise<void> {
  await notify(tx, CERTIFICATE_CHANGES_CHANNEL, ids);
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
 * database. Resolves to a function that stops following.
 */
export async function watchCertificateChanges(database: Pick<Database, 'db' | 'listen'>, listener: CertificateChangeListener): Promise<() => Promise<void>> {
  let listeners = local.get(database.db);
  if (!listeners) local.set(database.db, (listeners = new Set()));
  listeners.add(listener);
  const own = listeners;
  try {
    const stop = await database.listen(
      CERTIFICATE_CHANGES_CHANNEL,
      (payload) => listener.changed([payload]),
      () => listener.reset(),
    );
    return async () => {
      own.delete(listener);
      await stop();
    };
  } catch (error) {
    own.delete(listener);
    throw error;
  }
}
