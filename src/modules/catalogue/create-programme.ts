import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { checkAssociationWrite } from './access.js';
import { normaliseProgrammeInput, rethrowDuplicate, type ProgrammeInput } from './programme-fields.js';
import { insertProgramme, type ProgrammeRow, type ProgrammeValues } from './repository.js';

export interface CreateProgrammeOptions {
  actor: AuthContext | null;
  input: ProgrammeInput & { associationId: string };
}

export async function createProgramme(db: DbOrTx, options: CreateProgrammeOptions): Promise<ProgrammeRow> {
  checkAssociationWrite(options.actor, options.input.associationId);
  const values = { summary: {}, ...normaliseProgrammeInput(options.input, true) } as ProgrammeValues;
  try {
    return await insertProgramme(db, options.input.associationId, values);
  } catch (error) {
    return rethrowDuplicate(error);
  }
}
