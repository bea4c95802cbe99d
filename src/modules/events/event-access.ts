import { ANY_ROLE, STAFF_ROLES, associationsWithRole, hasRole, requireAuth, type AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';

export type Right = 'read' | 'write';

/**
 * Staff (admin, staff) plan events and sessions; trainers and assessors of the association read
 * them to run the training. Someone with no role in the association is told the record does not
 * exist, so ids of other associations reveal nothing.
 */
export function checkRecordAccess(actor: AuthContext | null, associationId: string, right: Right, what: 'event' | 'session'): AuthContext {
  const auth = requireAuth(actor);
  if (!hasRole(auth, associationId, ANY_ROLE)) throw new AppError('not_found', { values: { what } });
  if (right === 'write' && !hasRole(auth, associationId, STAFF_ROLES)) throw new AppError('forbidden');
  return auth;
}

/** Throws unless the caller may act in the association named in a request. */
export function checkAssociationAccess(actor: AuthContext | null, associationId: string, right: Right): AuthContext {
  const auth = requireAuth(actor);
  if (!hasRole(auth, associationId, right === 'write' ? STAFF_ROLES : ANY_ROLE)) throw new AppError('forbidden');
  return auth;
}

/** The associations a list may show: the one asked for (if readable), else every readable one (null: all). */
export function readableAssociations(actor: AuthContext | null, associationId: string | undefined): string[] | null {
  const auth = requireAuth(actor);
  if (associationId) {
    checkAssociationAccess(auth, associationId, 'read');
    return [associationId];
  }
  return associationsWithRole(auth, ANY_ROLE);
}
