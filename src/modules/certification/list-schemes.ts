import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { memberAssociations } from './access.js';
import { schemeViews, type SchemeView } from './scheme-view.js';
import { listSchemeRows } from './schemes-repository.js';
import type { SchemeStatus } from './tables.js';

export interface ListSchemesOptions {
  actor: AuthContext | null;
  associationId?: string | undefined;
  status?: SchemeStatus | undefined;
}

/** Open and closed schemes of every association, and the drafts of the associations the caller belongs to; newest first. */
export async function listSchemes(db: DbOrTx, options: ListSchemesOptions): Promise<SchemeView[]> {
  const rows = await listSchemeRows(db, {
    memberOf: memberAssociations(options.actor),
    associationId: options.associationId,
    status: options.status,
  });
  return schemeViews(db, rows);
}
