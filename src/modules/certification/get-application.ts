import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { applicationFor } from './application-access.js';
import { applicationView, type ApplicationView } from './application-view.js';

export interface GetApplicationOptions {
  actor: AuthContext | null;
  id: string;
}

/** An application, for its applicant and for the reviewers of the scheme's association (others are refused). */
export async function getApplication(db: DbOrTx, options: GetApplicationOptions): Promise<ApplicationView> {
  return applicationView(db, await applicationFor(db, options.actor, options.id, 'read'));
}
