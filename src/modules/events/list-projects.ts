import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import type { ProjectView } from './get-project.js';
import { projectAssociations } from './project-access.js';
import { listPartners, listProjects as selectProjects } from './projects-repository.js';

export interface ListProjectsOptions {
  actor: AuthContext | null;
  associationId?: string;
  /** Part of the name, the donor or the agreement number. */
  q?: string;
  page: number;
  pageSize: number;
}

/** The projects of the associations where the caller is staff, newest first, each with its partners. */
export async function listProjects(
  db: DbOrTx,
  options: ListProjectsOptions,
): Promise<{ items: ProjectView[]; total: number; page: number; pageSize: number }> {
  const { items, total } = await selectProjects(db, {
    associationIds: projectAssociations(options.actor, options.associationId),
    q: options.q,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  });
  const partners = await listPartners(db, items.map((p) => p.id));
  return {
    items: items.map((p) => ({ ...p, partners: partners.filter((x) => x.projectId === p.id) })),
    total,
    page: options.page,
    pageSize: options.pageSize,
  };
}
