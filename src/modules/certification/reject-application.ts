import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import type { ApplicationView } from './application-view.js';
import type { CertificationDeps } from './deps.js';
import { takeReviewerStep } from './reviewer-step.js';

export interface RejectApplicationOptions {
  actor: AuthContext | null;
  id: string;
  /** Why: the applicant reads it in the mail and in the history. */
  note: string;
  now?: Date;
}

/** The assessor rejects with a reason; the decision is final (a new application may follow). */
export async function rejectApplication(db: Db, deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>, options: RejectApplicationOptions): Promise<ApplicationView> {
  return takeReviewerStep(db, deps, { ...options, step: 'reject', noteRequired: true });
}
