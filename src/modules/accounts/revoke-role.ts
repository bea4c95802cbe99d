import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { removeMembership } from './repository.js';
import type { Role } from './tables.js';

export interface RevokeRoleOptions {
  associationId: string;
  userId: string;
  role: Role;
}

export async function revokeRole(db: DbOrTx, options: RevokeRoleOptions): Promise<void> {
  const removed = await removeMembership(db, options.userId, options.associationId, options.role);
  if (!removed) throw new AppError('not_found', { values: { what: 'user' } });
}
