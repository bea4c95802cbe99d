import type { DbOrTx } from '../../db/client.js';
import { ANY_ROLE, hasRole, type AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { schemeViews, type SchemeView } from './scheme-view.js';
import { findScheme } from './schemes-repository.js';

export interface GetSchemeOptions {
  actor: AuthContext | null;
  id: string;
}

/** A scheme as the caller may see it: open and closed ones by anyone, drafts by members of the association. */
export async function getScheme(db: DbOrTx, options: GetSchemeOptions): Promise<SchemeView> {
  const scheme = await findScheme(db, options.id);
  if (!scheme || (scheme.status === 'draft' && !hasRole(options.actor, scheme.associationId, ANY_ROLE))) {
    throw new AppError('not_found', { values: { what: 'scheme' } });
  }
  const [view] = await schemeViews(db, [scheme]);
  return view!;
}
