import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRecordAccess } from '../events/event-access.js';
import { findSessionById } from '../events/sessions-repository.js';
import { listRegistrations as query } from './registrations-repository.js';
import type { RegistrationStatus } from './tables.js';

export interface ListRegistrationsOptions {
  actor: AuthContext | null;
  sessionId: string;
  status?: RegistrationStatus;
  page: number;
  pageSize: number;
}

/** The session's registrations for its association's members: confirmed, then the waitlist in order, then cancelled. */
export async function listRegistrations(db: DbOrTx, options: ListRegistrationsOptions) {
  const session = await findSessionById(db, options.sessionId);
  if (!session) throw new AppError('not_found', { values: { what: 'session' } });
  checkRecordAccess(options.actor, session.associationId, 'read', 'session');
  const page = await query(db, {
    sessionId: session.id,
    ...(options.status ? { status: options.status } : {}),
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  });
  return { ...page, page: options.page, pageSize: options.pageSize };
}
