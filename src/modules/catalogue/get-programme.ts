import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { findProgramme, type ProgrammeRow } from './repository.js';

export async function getProgramme(db: DbOrTx, id: string): Promise<ProgrammeRow> {
  const programme = await findProgramme(db, id);
  if (!programme) throw new AppError('not_found', { values: { what: 'programme' } });
  return programme;
}
