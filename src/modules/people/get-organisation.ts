import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRecordAccess } from './access.js';
import { findLiveOrganisation } from './person-values.js';
import type { OrganisationRow } from './organisations-repository.js';

export interface GetOrganisationOptions {
  actor: AuthContext | null;
  /** An id that was merged away answers with the kept record. */
  id: string;
}

export async function getOrganisation(db: DbOrTx, options: GetOrganisationOptions): Promise<OrganisationRow> {
  const organisation = await findLiveOrganisation(db, options.id);
  if (!organisation) throw new AppError('not_found', { values: { what: 'organisation' } });
  checkRecordAccess(options.actor, organisation.associationId, 'read', 'organisation');
  return organisation;
}
