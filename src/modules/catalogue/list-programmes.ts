import type { DbOrTx } from '../../db/client.js';
import { listProgrammes as selectProgrammes, type ProgrammeRow } from './repository.js';

/** Programmes are public: they name what an association teaches, and appear on the catalogue pages. */
export async function listProgrammes(db: DbOrTx, options: { associationId?: string }): Promise<ProgrammeRow[]> {
  return selectProgrammes(db, options.associationId ? [options.associationId] : null);
}
