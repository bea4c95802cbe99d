import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRecordAccess, duplicateEmailError } from './access.js';
import { FieldProblems, normalisePersonInput, type PersonInput } from './person-fields.js';
import { findLivePerson, personValues, resolveEmployer } from './person-values.js';
import { findPersonById, findPersonIdByEmail, updatePerson as writePerson, type PersonRow } from './repository.js';
import { isDuplicateEmailError } from './unique-violation.js';

export interface UpdatePersonOptions {
  actor: AuthContext | null;
  /** The id may be one that was merged away; the kept record is edited. */
  id: string;
  input: PersonInput;
}

export async function updatePerson(db: Db, options: UpdatePersonOptions): Promise<PersonRow> {
  const current = await findLivePerson(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'person' } });
  checkRecordAccess(options.actor, current.associationId, 'write', 'person');
  const problems = new FieldProblems();
  const input = normalisePersonInput(options.input, problems);
  if (input.associationId !== undefined && input.associationId !== current.associationId) {
    problems.add('associationId', 'fixed');
  }
  input.employerId = await resolveEmployer(db, current.associationId, input.employerId, problems);
  problems.throwIfAny();
  const values = personValues(current, input, new Date());
  try {
    return await db.transaction(async (tx) => {
      if (values.email && (await findPersonIdByEmail(tx, current.associationId, values.email, current.id))) {
        throw duplicateEmailError();
      }
      await writePerson(tx, current.id, values);
      return (await findPersonById(tx, current.id))!;
    });
  } catch (error) {
    if (isDuplicateEmailError(error)) throw duplicateEmailError();
    throw error;
  }
}
