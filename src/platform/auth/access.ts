import { AppError } from '../errors.js';

export type AssociationRole = 'admin' | 'staff' | 'trainer' | 'assessor';

/**
 * Who may call a route, declared on every route (`config.access`); a route without it makes the
 * app refuse to start. Association-level rights are then checked in the handler with `authorize`.
 */
export type Access = 'public' | 'signed_in' | 'platform_admin';

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  isPlatformAdmin: boolean;
  personId: string | null;
}

export interface Membership {
  associationId: string;
  role: AssociationRole;
}

export interface AuthContext {
  user: AuthUser;
  memberships: Membership[];
  via: 'session' | 'token';
}

export function requireAuth(auth: AuthContext | null): AuthContext {
  if (!auth) throw new AppError('unauthenticated');
  return auth;
}

/** True when the user holds one of `roles` in the association (platform administrators hold all). */
export function hasRole(auth: AuthContext | null, associationId: string, roles: readonly AssociationRole[]): boolean {
  if (!auth) return false;
  if (auth.user.isPlatformAdmin) return true;
  return auth.memberships.some((m) => m.associationId === associationId && roles.includes(m.role));
}

/** Throws unless the user holds one of `roles` in the association. */
export function authorize(
  auth: AuthContext | null,
  associationId: string,
  roles: readonly AssociationRole[],
): AuthContext {
  const ctx = requireAuth(auth);
  if (!hasRole(ctx, associationId, roles)) throw new AppError('forbidden');
  return ctx;
}

/**
 * The associations in which the user holds one of `roles`; `null` means every association
 * (platform administrator). Used to scope list queries.
 */
export function associationsWithRole(auth: AuthContext, roles: readonly AssociationRole[]): string[] | null {
  if (auth.user.isPlatformAdmin) return null;
  return [...new Set(auth.memberships.filter((m) => roles.includes(m.role)).map((m) => m.associationId))];
}

export const STAFF_ROLES: readonly AssociationRole[] = ['admin', 'staff'];
export const ANY_ROLE: readonly AssociationRole[] = ['admin', 'staff', 'trainer', 'assessor'];
