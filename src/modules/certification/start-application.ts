import type { Db, DbOrTx } from '../../db/client.js';
import { ANY_ROLE, hasRole, requireAuth, type AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { linkUserToPerson } from '../accounts/link-user-person.js';
import { findOrCreatePerson } from '../people/find-or-create-person.js';
import { findLivePerson } from '../people/person-values.js';
import { applicationFor } from './application-access.js';
import { cleanExperience, cleanName, cleanNote } from './application-fields.js';
import { recordStep } from './application-steps.js';
import { applicationView, type ApplicationView } from './application-view.js';
import { findApplication, insertApplication } from './applications-repository.js';
import { violatedUniqueRule } from './constraint-violation.js';
import type { CertificationDeps } from './deps.js';
import { findLevel, findScheme } from './schemes-repository.js';

export interface StartApplicationInput {
  levelId: string;
  experienceYears?: number | null;
  statement?: string | null;
  /** The applicant's name in the register, when their account is not yet linked to a person there. */
  fullName?: string | null;
  nameLatin?: string | null;
}

export interface StartApplicationOptions {
  actor: AuthContext | null;
  input: StartApplicationInput;
}

/**
 * The person the account stands for: the linked one, else the association's person with the
 * account's e-mail, else a new person; the account is linked to it for next time.
 */
async function applicantPerson(tx: DbOrTx, auth: AuthContext, associationId: string, input: StartApplicationInput): Promise<string> {
  if (auth.user.personId) {
    const linked = await findLivePerson(tx, auth.user.personId);
    if (linked) return linked.id;
  }
  const { person } = await findOrCreatePerson(tx, {
    associationId,
    input: { fullName: input.fullName ?? auth.user.displayName, nameLatin: input.nameLatin ?? null, email: auth.user.email },
  });
  await linkUserToPerson(tx, { userId: auth.user.id, personId: person.id });
  return person.id;
}

/** A signed-in engineer starts an application (a draft) for a level of an open scheme. */
export async function startApplication(db: Db, deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>, options: StartApplicationOptions): Promise<ApplicationView> {
  const auth = requireAuth(options.actor);
  const { input } = options;
  const level = await findLevel(db, input.levelId);
  const scheme = level ? await findScheme(db, level.schemeId) : null;
  if (!level || !scheme || (scheme.status === 'draft' && !hasRole(auth, scheme.associationId, ANY_ROLE))) {
    throw new AppError('not_found', { values: { what: 'level' } });
  }
  if (scheme.status !== 'open') throw new AppError('conflict', { messageKey: 'certification.errors.scheme_not_open' });
  const problems = new FieldProblems();
  const experienceYears = cleanExperience(input.experienceYears, problems) ?? null;
  const statement = cleanNote(input.statement, 'statement', problems);
  const fullName = cleanName(input.fullName, 'fullName', problems);
  const nameLatin = cleanName(input.nameLatin, 'nameLatin', problems);
  problems.throwIfAny();

  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const personId = await applicantPerson(tx, auth, scheme.associationId, { ...input, fullName, nameLatin });
      const applicationId = await insertApplication(tx, {
        associationId: scheme.associationId,
        schemeId: scheme.id,
        levelId: level.id,
        personId,
        userId: auth.user.id,
        locale: auth.user.locale,
        experienceYears,
        statement,
      });
      await recordStep(tx, deps, { application: (await findApplication(tx, applicationId))!, actorId: auth.user.id, action: 'created' });
      return applicationId;
    });
  } catch (error) {
    if (violatedUniqueRule(error) === 'certification_applications_open') {
      throw new AppError('conflict', { messageKey: 'certification.errors.already_applied' });
    }
    throw error;
  }
  return applicationView(db, await applicationFor(db, auth, id, 'applicant'));
}
