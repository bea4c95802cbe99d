import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { applicationFor } from './application-access.js';
import { cleanNote } from './application-fields.js';
import { recordStep } from './application-steps.js';
import { applicationView, requirementsOf, type ApplicationView } from './application-view.js';
import { upsertCheck } from './applications-repository.js';
import type { CertificationDeps } from './deps.js';

export interface CheckRequirementOptions {
  actor: AuthContext | null;
  id: string;
  requirementId: string;
  met: boolean;
  note?: string | null;
}

/** The assessor ticks one item of the checklist (met or not, with a note) while the application is in review. */
export async function checkRequirement(db: Db, deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>, options: CheckRequirementOptions): Promise<ApplicationView> {
  const problems = new FieldProblems();
  const note = cleanNote(options.note, 'note', problems);
  problems.throwIfAny();
  await db.transaction(async (tx) => {
    const { auth, application } = await applicationFor(tx, options.actor, options.id, 'reviewer', true);
    if (application.status !== 'in_review') {
      throw new AppError('conflict', { messageKey: 'certification.errors.transition', values: { status: application.status, step: 'check' } });
    }
    const requirement = (await requirementsOf(tx, application)).find((r) => r.id === options.requirementId);
    if (!requirement) throw new AppError('not_found', { values: { what: 'requirement' } });
    await upsertCheck(tx, { applicationId: application.id, requirementId: requirement.id, met: options.met, note, checkedBy: auth.user.id });
    await recordStep(tx, deps, { application, actorId: auth.user.id, action: 'checked', note: `${options.met ? '✓' : '✗'}${note ? ` ${note}` : ''}` });
  });
  return applicationView(db, await applicationFor(db, options.actor, options.id, 'reviewer'));
}
