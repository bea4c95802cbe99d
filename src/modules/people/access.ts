import {
  ANY_ROLE,
  STAFF_ROLES,
  associationsWithRole,
  hasRole,
  requireAuth,
  type AuthContext,
} from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';

/** Staff keep the register; trainers and assessors read it to run events and exams. */
export const READ_ROLES = ANY_ROLE;
export const WRITE_ROLES = STAFF_ROLES;

export type Right = 'read' | 'write';

/**
 * Throws unless the caller holds the right in the record's association. Someone who may not even
 * read it is told it does not exist, so ids of other associations reveal nothing.
 */
export function checkRecordAccess(
  actor: AuthContext | null,
  associationId: string,
  right: Right,
  what: 'person' | 'organisation',
): AuthContext {
  const auth = requireAuth(actor);
  if (!hasRole(auth, associationId, READ_ROLES)) throw new AppError('not_found', { values: { what } });
  if (right === 'write' && !hasRole(auth, associationId, WRITE_ROLES)) throw new AppError('forbidden');
  return auth;
}

/** Throws unless the caller may act in the association named in a request. */
export function checkAssociationAccess(actor: AuthContext | null, associationId: string, right: Right): AuthContext {
  const auth = requireAuth(actor);
  if (!hasRole(auth, associationId, right === 'write' ? WRITE_ROLES : READ_ROLES)) throw new AppError('forbidden');
  return auth;
}

/** The associations a list may show: the one asked for (if readable), else every readable one (null: all). */
export function readableAssociations(actor: AuthContext | null, associationId: string | undefined): string[] | null {
  const auth = requireAuth(actor);
  if (associationId) {
    checkAssociationAccess(auth, associationId, 'read');
    return [associationId];
  }
  return associationsWithRole(auth, READ_ROLES);
}

export function duplicateEmailError(): AppError {
  return new AppError('duplicate', { values: { field: 'email' }, fields: { email: { key: 'taken' } } });
}
