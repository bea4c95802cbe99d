import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkWritable } from './access.js';
import { normaliseProgrammeInput, rethrowDuplicate, type ProgrammeInput } from './programme-fields.js';
import { findProgramme, updateProgramme as writeProgramme, type ProgrammeRow } from './repository.js';

export interface UpdateProgrammeOptions {
  actor: AuthContext | null;
  id: string;
  input: ProgrammeInput;
}

export async function updateProgramme(db: DbOrTx, options: UpdateProgrammeOptions): Promise<ProgrammeRow> {
  const current = await findProgramme(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'programme' } });
  checkWritable(options.actor, { associationId: current.associationId, status: 'published' }, 'programme');
  if (options.input.associationId !== undefined && options.input.associationId !== current.associationId) {
    throw new AppError('validation', { fields: { associationId: { key: 'fixed' } } });
  }
  const values = normaliseProgrammeInput(options.input, false);
  try {
    return (await writeProgramme(db, current.id, values)) ?? current;
  } catch (error) {
    return rethrowDuplicate(error);
  }
}
