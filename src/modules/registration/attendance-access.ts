import type { DbOrTx } from '../../db/client.js';
import { ANY_ROLE, STAFF_ROLES, hasRole, requireAuth, type AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { loadSessionDetail, type SessionDetail } from '../events/get-session.js';

/**
 * record: check people in, tick days, enter test results, read the lists — staff of the session's
 * association and the session's own trainers. manage: import sheets, override completions — staff.
 */
export type AttendanceRight = 'record' | 'manage';

export interface AttendanceAccess {
  auth: AuthContext;
  session: SessionDetail;
  /** Staff (or a platform administrator) rather than one of the session's trainers. */
  staff: boolean;
}

/** A trainer is a member of the association whose account is the person listed as the session's trainer. */
function isTrainerOf(auth: AuthContext, session: SessionDetail): boolean {
  const personId = auth.user.personId;
  if (!personId || !hasRole(auth, session.associationId, ANY_ROLE)) return false;
  return session.trainers.some((t) => t.personId === personId);
}

/**
 * The session, when the caller holds the right. Someone with no role in the session's association
 * is told it does not exist, so ids of other associations reveal nothing.
 */
export async function sessionForAttendance(db: DbOrTx, actor: AuthContext | null, sessionId: string, right: AttendanceRight): Promise<AttendanceAccess> {
  const auth = requireAuth(actor);
  const session = await loadSessionDetail(db, sessionId);
  if (!session || !hasRole(auth, session.associationId, ANY_ROLE)) throw new AppError('not_found', { values: { what: 'session' } });
  const staff = hasRole(auth, session.associationId, STAFF_ROLES);
  if (staff) return { auth, session, staff };
  if (right === 'manage' || !isTrainerOf(auth, session)) throw new AppError('forbidden');
  return { auth, session, staff };
}
