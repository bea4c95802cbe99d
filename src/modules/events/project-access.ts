import { STAFF_ROLES, associationsWithRole, hasRole, requireAuth, type AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';

/**
 * Projects are the association's own business (agreement numbers, partners, donors): only its
 * staff read and change them. Anyone else is told the project does not exist.
 */
export function checkProjectAccess(actor: AuthContext | null, associationId: string): AuthContext {
  const auth = requireAuth(actor);
  if (!hasRole(auth, associationId, STAFF_ROLES)) throw new AppError('not_found', { values: { what: 'project' } });
  return auth;
}

/** Throws unless the caller is staff of the association named in a request. */
export function checkProjectAssociation(actor: AuthContext | null, associationId: string): AuthContext {
  const auth = requireAuth(actor);
  if (!hasRole(auth, associationId, STAFF_ROLES)) throw new AppError('forbidden');
  return auth;
}

/** The associations whose projects the caller may list: the one asked for, else all where they are staff (null: all). */
export function projectAssociations(actor: AuthContext | null, associationId: string | undefined): string[] | null {
  const auth = requireAuth(actor);
  if (associationId) {
    checkProjectAssociation(auth, associationId);
    return [associationId];
  }
  return associationsWithRole(auth, STAFF_ROLES);
}
