import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { applicationFor } from './application-access.js';
import { cleanExperience, cleanNote } from './application-fields.js';
import { recordStep } from './application-steps.js';
import { applicantMayEdit } from './application-transitions.js';
import { applicationView, type ApplicationView } from './application-view.js';
import { updateApplicationRow } from './applications-repository.js';
import type { CertificationDeps } from './deps.js';

export interface UpdateApplicationOptions {
  actor: AuthContext | null;
  id: string;
  input: { experienceYears?: number | null; statement?: string | null };
}

/** The applicant changes the stated experience or the statement while the application is in their hands. */
export async function updateApplication(db: Db, deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>, options: UpdateApplicationOptions): Promise<ApplicationView> {
  const problems = new FieldProblems();
  const experienceYears = cleanExperience(options.input.experienceYears, problems);
  const statement = options.input.statement === undefined ? undefined : cleanNote(options.input.statement, 'statement', problems);
  problems.throwIfAny();
  await db.transaction(async (tx) => {
    const { auth, application } = await applicationFor(tx, options.actor, options.id, 'applicant', true);
    if (!applicantMayEdit(application.status)) throw new AppError('conflict', { messageKey: 'certification.errors.not_editable' });
    await updateApplicationRow(tx, application.id, {
      locale: auth.user.locale,
      ...(experienceYears === undefined ? {} : { experienceYears }),
      ...(statement === undefined ? {} : { statement }),
    });
    await recordStep(tx, deps, { application, actorId: auth.user.id, action: 'updated' });
  });
  return applicationView(db, await applicationFor(db, options.actor, options.id, 'applicant'));
}
