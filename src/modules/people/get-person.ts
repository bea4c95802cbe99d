import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRecordAccess } from './access.js';
import type { KeptPeople } from './kept-people.js';
import { findLivePerson } from './person-values.js';
import type { PersonRow } from './repository.js';

export interface GetPersonOptions {
  actor: AuthContext | null;
  /** An id that was merged away answers with the kept record, so old links keep working. */
  id: string;
  /** Answers from memory what it has kept. */
  kept?: KeptPeople;
}

export async function getPerson(db: DbOrTx, options: GetPersonOptions): Promise<PersonRow> {
  const person = await (options.kept ? options.kept.find(db, options.id) : findLivePerson(db, options.id));
  if (!person) throw new AppError('not_found', { values: { what: 'person' } });
  checkRecordAccess(options.actor, person.associationId, 'read', 'person');
  return person;
}
