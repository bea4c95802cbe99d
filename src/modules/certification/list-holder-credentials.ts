import type { DbOrTx } from '../../db/client.js';
import type { JsonObject } from '../credentials/build-credential.js';
import { holderCertificateIds } from './public-certificates-repository.js';

export interface ListHolderCredentialsOptions {
  personId: string | null;
  since?: Date | undefined;
  limit: number;
  offset: number;
  loadCredential: (db: DbOrTx, certificateId: string) => Promise<{ credential: JsonObject; jwt: string } | null>;
}

/**
 * The signed credentials of a holder's certificates, newest first, for their wallet. A user who
 * is not (yet) a person in the register holds none.
 */
export async function listHolderCredentials(db: DbOrTx, options: ListHolderCredentialsOptions): Promise<{ credentials: JsonObject[]; total: number }> {
  if (!options.personId) return { credentials: [], total: 0 };
  const { ids, total } = await holderCertificateIds(db, options.personId, options);
  const stored = await Promise.all(ids.map((id) => options.loadCredential(db, id)));
  return { credentials: stored.filter((s) => s !== null).map((s) => s.credential), total };
}
