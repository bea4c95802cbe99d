import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { requirementsOf, type ApplicationView } from './application-view.js';
import { checksOf } from './applications-repository.js';
import type { CertificationDeps } from './deps.js';
import { takeReviewerStep } from './reviewer-step.js';

export interface ApproveApplicationOptions {
  actor: AuthContext | null;
  id: string;
  note?: string | null;
  now?: Date;
}

/** The assessor approves, once every item of the checklist is ticked as met; the applicant is told. */
export async function approveApplication(db: Db, deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>, options: ApproveApplicationOptions): Promise<ApplicationView> {
  return takeReviewerStep(db, deps, {
    ...options,
    step: 'approve',
    noteRequired: false,
    precondition: async (tx, application) => {
      const met = new Set((await checksOf(tx, application.id)).filter((c) => c.met).map((c) => c.requirementId));
      const open = (await requirementsOf(tx, application)).filter((r) => !met.has(r.id));
      if (open.length > 0) {
        throw new AppError('conflict', { messageKey: 'certification.errors.checklist_incomplete', values: { count: open.length } });
      }
    },
  });
}
