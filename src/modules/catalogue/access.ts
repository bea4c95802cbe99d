import {
  ANY_ROLE,
  STAFF_ROLES,
  associationsWithRole,
  hasRole,
  requireAuth,
  type AuthContext,
} from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';

/** Everyone in an association reads its drafts (trainers prepare sessions from them); staff write. */
export const READ_ROLES = ANY_ROLE;
export const WRITE_ROLES = STAFF_ROLES;

type What = 'course' | 'programme' | 'material';

/** The associations whose unpublished records the caller may see: none when anonymous, null for all. */
export function memberAssociations(actor: AuthContext | null): string[] | null {
  if (!actor) return [];
  return associationsWithRole(actor, READ_ROLES);
}

export function canReadAssociation(actor: AuthContext | null, associationId: string): boolean {
  return hasRole(actor, associationId, READ_ROLES);
}

/** A record anyone may see when published; otherwise only its association's members. Others are told it does not exist. */
export function checkReadable(actor: AuthContext | null, record: { associationId: string; status?: string }, what: What): void {
  if (record.status === 'published' || canReadAssociation(actor, record.associationId)) return;
  throw new AppError('not_found', { values: { what } });
}

/** Throws unless the caller is staff of the record's association (not found when they may not even read it). */
export function checkWritable(actor: AuthContext | null, record: { associationId: string; status?: string }, what: What): AuthContext {
  const auth = requireAuth(actor);
  checkReadable(auth, record, what);
  if (!hasRole(auth, record.associationId, WRITE_ROLES)) throw new AppError('forbidden');
  return auth;
}

/** Throws unless the caller is staff of the association named in a request. */
export function checkAssociationWrite(actor: AuthContext | null, associationId: string): AuthContext {
  const auth = requireAuth(actor);
  if (!hasRole(auth, associationId, WRITE_ROLES)) throw new AppError('forbidden');
  return auth;
}
