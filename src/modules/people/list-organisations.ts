import type { DbOrTx } from '../../db/client.js';
import { listQuery, type ListOptions, type Page } from './list-people.js';
import { listOrganisations as selectOrganisations, type OrganisationRow } from './organisations-repository.js';

export async function listOrganisations(db: DbOrTx, options: ListOptions): Promise<Page<OrganisationRow>> {
  const { items, total } = await selectOrganisations(db, listQuery(options));
  return { items, total, page: options.page, pageSize: options.pageSize };
}
