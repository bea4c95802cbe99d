import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import type { ApplicationView } from './application-view.js';
import type { CertificationDeps } from './deps.js';
import { takeReviewerStep } from './reviewer-step.js';

export interface StartReviewOptions {
  actor: AuthContext | null;
  id: string;
}

/** An assessor takes a submitted application into review; the applicant is told. */
export async function startReview(db: Db, deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>, options: StartReviewOptions): Promise<ApplicationView> {
  return takeReviewerStep(db, deps, { ...options, step: 'start_review', noteRequired: false });
}
