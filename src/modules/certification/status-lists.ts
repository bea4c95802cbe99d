import type { Tx } from '../../db/client.js';
import { allocateStatusEntries, allocateStatusEntryBatch } from '../credentials/allocate-status-entries.js';
import { setStatus } from '../credentials/set-status.js';

/** A certificate's bit in one status list. */
export interface StatusPosition {
  listId: number;
  index: number;
}

export interface CertificateStatusEntries {
  revocation: StatusPosition;
  suspension: StatusPosition;
}

/**
 * The status lists that publish whether a certificate's signed credential is revoked or suspended.
 * Both calls run in the caller's transaction, so a list and the certificate never disagree.
 */
export interface CertificateStatusLists {
  /** Positions for a new certificate; null where no lists are kept. */
  allocate(tx: Tx): Promise<CertificateStatusEntries | null>;
  /** Positions for `count` new certificates at once. */
  allocateMany(tx: Tx, count: number): Promise<Array<CertificateStatusEntries | null>>;
  /** Sets (revoked, suspended) or clears (reinstated) the certificate's bit. */
  set(tx: Tx, position: StatusPosition, on: boolean): Promise<void>;
}

/** The credential status lists the deployment publishes (random free indices; bits flipped in the caller's transaction). */
export const credentialStatusLists: CertificateStatusLists = {
  async allocate(tx) {
    const { revocation, suspension } = await allocateStatusEntries(tx);
    return { revocation: { listId: revocation.listId, index: revocation.index }, suspension: { listId: suspension.listId, index: suspension.index } };
  },
  async allocateMany(tx, count) {
    const batch = await allocateStatusEntryBatch(tx, count);
    return batch.map(({ revocation, suspension }) => ({
      revocation: { listId: revocation.listId, index: revocation.index },
      suspension: { listId: suspension.listId, index: suspension.index },
    }));
  },
  async set(tx, position, on) {
    await setStatus(tx, position, on);
  },
};
