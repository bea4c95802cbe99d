import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkProjectAccess } from './project-access.js';
import { findProject, listPartners, type PartnerRow, type ProjectRow } from './projects-repository.js';

export interface ProjectView extends ProjectRow {
  partners: PartnerRow[];
}

export interface GetProjectOptions {
  actor: AuthContext | null;
  id: string;
}

export async function getProject(db: DbOrTx, options: GetProjectOptions): Promise<ProjectView> {
  const project = await findProject(db, options.id);
  if (!project) throw new AppError('not_found', { values: { what: 'project' } });
  checkProjectAccess(options.actor, project.associationId);
  return { ...project, partners: await listPartners(db, [project.id]) };
}
