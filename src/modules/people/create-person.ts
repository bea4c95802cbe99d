import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { checkAssociationAccess, duplicateEmailError } from './access.js';
import { FieldProblems, normalisePersonInput, type PersonInput } from './person-fields.js';
import { personValues, resolveEmployer } from './person-values.js';
import { findPersonById, findPersonIdByEmail, insertPerson, type PersonRow } from './repository.js';
import { isDuplicateEmailError } from './unique-violation.js';

export interface CreatePersonOptions {
  actor: AuthContext | null;
  input: PersonInput & { associationId: string; fullName: string };
}

export async function createPerson(db: Db, options: CreatePersonOptions): Promise<PersonRow> {
  const { associationId } = options.input;
  checkAssociationAccess(options.actor, associationId, 'write');
  const problems = new FieldProblems();
  const input = normalisePersonInput(options.input, problems);
  input.employerId = await resolveEmployer(db, associationId, input.employerId, problems);
  problems.throwIfAny();
  const values = personValues(null, input, new Date());
  try {
    return await db.transaction(async (tx) => {
      if (values.email && (await findPersonIdByEmail(tx, associationId, values.email))) throw duplicateEmailError();
      const id = await insertPerson(tx, associationId, values);
      return (await findPersonById(tx, id))!;
    });
  } catch (error) {
    if (isDuplicateEmailError(error)) throw duplicateEmailError();
    throw error;
  }
}
