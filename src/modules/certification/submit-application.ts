import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { applicationFor } from './application-access.js';
import { cleanNote } from './application-fields.js';
import { recordStep } from './application-steps.js';
import { nextStatus } from './application-transitions.js';
import { applicationView, requirementsOf, type ApplicationView } from './application-view.js';
import { updateApplicationRow } from './applications-repository.js';
import type { CertificationDeps } from './deps.js';

export interface SubmitApplicationOptions {
  actor: AuthContext | null;
  id: string;
  /** With a resubmission: the applicant's answer to what the assessor asked. */
  note?: string | null;
  now?: Date;
}

/**
 * The applicant hands the application in (or back, after being asked for more). The first
 * submission fixes the requirements it is judged on, so later edits of the scheme do not move
 * the goalposts under it.
 */
export async function submitApplication(db: Db, deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>, options: SubmitApplicationOptions): Promise<ApplicationView> {
  const problems = new FieldProblems();
  const note = cleanNote(options.note, 'note', problems);
  problems.throwIfAny();
  const now = options.now ?? new Date();
  await db.transaction(async (tx) => {
    const { auth, application } = await applicationFor(tx, options.actor, options.id, 'applicant', true);
    const resubmission = application.status === 'needs_info';
    const status = nextStatus(application.status, 'submit');
    await updateApplicationRow(tx, application.id, {
      status,
      locale: auth.user.locale,
      submittedAt: now,
      ...(application.requirements ? {} : { requirements: await requirementsOf(tx, application) }),
    });
    await recordStep(tx, deps, {
      application: { ...application, locale: auth.user.locale },
      actorId: auth.user.id,
      action: resubmission ? 'resubmitted' : 'submitted',
      note,
    });
  });
  return applicationView(db, await applicationFor(db, options.actor, options.id, 'applicant'));
}
