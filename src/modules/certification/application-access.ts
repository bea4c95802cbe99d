import type { DbOrTx } from '../../db/client.js';
import { requireAuth, type AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { canReview } from './access.js';
import { findApplication, lockApplication, type ApplicationRow } from './applications-repository.js';

/** read: the applicant or a reviewer; applicant: only the applicant; reviewer: a reviewer who is not the applicant. */
export type ApplicationRight = 'read' | 'applicant' | 'reviewer';

export interface ApplicationAccess {
  auth: AuthContext;
  application: ApplicationRow;
  isApplicant: boolean;
  isReviewer: boolean;
}

/**
 * The application, if the caller holds the right on it. Reviewers are the assessors, staff and
 * administrators of the scheme's association; nobody reviews their own application. With `lock`,
 * the row stays locked to the end of the caller's transaction.
 */
export async function applicationFor(
  db: DbOrTx,
  actor: AuthContext | null,
  id: string,
  right: ApplicationRight,
  lock = false,
): Promise<ApplicationAccess> {
  const auth = requireAuth(actor);
  const application = lock ? await lockApplication(db, id) : await findApplication(db, id);
  if (!application) throw new AppError('not_found', { values: { what: 'application' } });
  const isApplicant = application.userId === auth.user.id;
  const isReviewer = canReview(auth, application.associationId) && !isApplicant;
  const allowed = right === 'read' ? isApplicant || isReviewer : right === 'applicant' ? isApplicant : isReviewer;
  if (!allowed) throw new AppError('forbidden');
  return { auth, application, isApplicant, isReviewer };
}
