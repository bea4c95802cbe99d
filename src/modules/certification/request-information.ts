import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import type { ApplicationView } from './application-view.js';
import type { CertificationDeps } from './deps.js';
import { takeReviewerStep } from './reviewer-step.js';

export interface RequestInformationOptions {
  actor: AuthContext | null;
  id: string;
  /** What the applicant must add or explain. */
  note: string;
}

/** The assessor asks for more: the application goes back to the applicant, who answers and resubmits. */
export async function requestInformation(db: Db, deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>, options: RequestInformationOptions): Promise<ApplicationView> {
  return takeReviewerStep(db, deps, { ...options, step: 'request_info', noteRequired: true });
}
