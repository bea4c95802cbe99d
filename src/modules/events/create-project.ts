import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { getProject, type ProjectView } from './get-project.js';
import { checkProjectAssociation } from './project-access.js';
import { normaliseProjectInput, resolvePartners, type ProjectInput } from './project-fields.js';
import { insertProject, replacePartners, type ProjectValues } from './projects-repository.js';

export interface CreateProjectOptions {
  actor: AuthContext | null;
  input: ProjectInput & { associationId: string };
}

/** A donor-funded project with its partners, written together. */
export async function createProject(db: Db, options: CreateProjectOptions): Promise<ProjectView> {
  const { associationId } = options.input;
  checkProjectAssociation(options.actor, associationId);
  const problems = new FieldProblems();
  const values = normaliseProjectInput(options.input, problems, null);
  const partners = await resolvePartners(db, options.actor, associationId, options.input.partners, problems);
  problems.throwIfAny();
  const id = await db.transaction(async (tx) => {
    const created = await insertProject(tx, associationId, {
      programme: null,
      agreementNumber: null,
      startsOn: null,
      endsOn: null,
      acknowledgement: {},
      ...values,
    } as ProjectValues);
    if (partners) await replacePartners(tx, created, partners);
    return created;
  });
  return getProject(db, { actor: options.actor, id });
}
