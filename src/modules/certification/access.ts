import {
  ANY_ROLE,
  STAFF_ROLES,
  associationsWithRole,
  hasRole,
  requireAuth,
  type AssociationRole,
  type AuthContext,
} from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';

/** Staff run schemes and certificates; assessors review applications and enter exam results with them. */
export const MANAGE_ROLES = STAFF_ROLES;
export const REVIEW_ROLES: readonly AssociationRole[] = ['admin', 'staff', 'assessor'];

/** The associations whose draft schemes the caller sees: none when anonymous, null for all. */
export function memberAssociations(actor: AuthContext | null): string[] | null {
  if (!actor) return [];
  return associationsWithRole(actor, ANY_ROLE);
}

/** Throws unless the caller holds one of `roles` in the association. */
export function checkRole(actor: AuthContext | null, associationId: string, roles: readonly AssociationRole[]): AuthContext {
  const auth = requireAuth(actor);
  if (!hasRole(auth, associationId, roles)) throw new AppError('forbidden');
  return auth;
}

export function canReview(actor: AuthContext | null, associationId: string): boolean {
  return hasRole(actor, associationId, REVIEW_ROLES);
}

export function canManage(actor: AuthContext | null, associationId: string): boolean {
  return hasRole(actor, associationId, MANAGE_ROLES);
}
