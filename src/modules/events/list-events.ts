import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { readableAssociations } from './event-access.js';
import { listEvents as queryEvents } from './events-repository.js';
import type { PublicationStatus } from './tables.js';

export interface ListEventsOptions {
  actor: AuthContext | null;
  associationId?: string;
  status?: PublicationStatus;
  page: number;
  pageSize: number;
}

/** Events of the associations the caller works in, latest first. */
export async function listEvents(db: DbOrTx, options: ListEventsOptions) {
  const page = await queryEvents(db, {
    associationIds: readableAssociations(options.actor, options.associationId),
    ...(options.status ? { status: options.status } : {}),
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  });
  return { ...page, page: options.page, pageSize: options.pageSize };
}
