import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { getProject, type ProjectView } from './get-project.js';
import { checkProjectAccess } from './project-access.js';
import { normaliseProjectInput, resolvePartners, type ProjectInput } from './project-fields.js';
import { findProject, lockProject, replacePartners, updateProject as writeProject } from './projects-repository.js';

export interface UpdateProjectOptions {
  actor: AuthContext | null;
  id: string;
  /** `partners`, when given, replaces the whole list. */
  input: ProjectInput;
}

export async function updateProject(db: Db, options: UpdateProjectOptions): Promise<ProjectView> {
  const current = await findProject(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'project' } });
  checkProjectAccess(options.actor, current.associationId);
  const problems = new FieldProblems();
  if (options.input.associationId !== undefined && options.input.associationId !== current.associationId) {
    problems.add('associationId', 'fixed');
  }
  const values = normaliseProjectInput(options.input, problems, current);
  const partners = await resolvePartners(db, options.actor, current.associationId, options.input.partners, problems);
  problems.throwIfAny();
  await db.transaction(async (tx) => {
    await lockProject(tx, current.id);
    await writeProject(tx, current.id, values);
    if (partners) await replacePartners(tx, current.id, partners);
  });
  return getProject(db, { actor: options.actor, id: current.id });
}
