import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { checkRecordAccess } from './access.js';
import { searchKeyOf } from './name-skeleton.js';
import { findPersonById, lockPeople, markPersonMerged, movePersonReferences, updatePerson, type PersonRow, type PersonValues } from './repository.js';
import { isUniqueViolation } from './unique-violation.js';

export interface MergePeopleOptions {
  actor: AuthContext | null;
  keptId: string;
  duplicateId: string;
}

/** Fields of the kept record that are empty take the duplicate's value; nothing the kept record has is lost. */
function filledFrom(kept: PersonRow, duplicate: PersonRow): Partial<PersonValues> {
  const fill = <K extends keyof PersonValues & keyof PersonRow>(key: K) =>
    kept[key] === null && duplicate[key] !== null ? { [key]: duplicate[key] } : {};
  const values: Partial<PersonValues> = {
    ...fill('nameLatin'),
    ...fill('birthDate'),
    ...fill('country'),
    ...fill('city'),
    ...fill('sector'),
    ...fill('employerId'),
    ...fill('position'),
    ...fill('email'),
    ...fill('phone'),
    ...fill('registryConsentAt'),
    ...fill('emailConsentAt'),
  };
  if (kept.gender === 'not_stated' && duplicate.gender !== 'not_stated') values.gender = duplicate.gender;
  values.searchKey = searchKeyOf(kept.fullName, values.nameLatin ?? kept.nameLatin);
  return values;
}

/**
 * Merges a duplicate into the kept record in one transaction: empty fields are filled, every
 * reference moves to the kept record, and the duplicate stays behind as a pointer to it.
 */
export async function mergePeople(db: Db, options: MergePeopleOptions): Promise<PersonRow> {
  const { keptId, duplicateId } = options;
  if (keptId === duplicateId) throw fieldError('duplicateId', 'merge_self');
  try {
    return await db.transaction(async (tx) => {
      await lockPeople(tx, [keptId, duplicateId]);
      const kept = await findPersonById(tx, keptId);
      const duplicate = await findPersonById(tx, duplicateId);
      if (!kept) throw new AppError('not_found', { values: { what: 'person' } });
      checkRecordAccess(options.actor, kept.associationId, 'write', 'person');
      if (!duplicate || duplicate.associationId !== kept.associationId) {
        throw new AppError('not_found', { values: { what: 'person' } });
      }
      if (kept.mergedIntoId || duplicate.mergedIntoId) throw new AppError('conflict');
      // The duplicate leaves the live set first, so its e-mail can move to the kept record.
      await markPersonMerged(tx, duplicate.id, kept.id);
      await movePersonReferences(tx, duplicate.id, kept.id);
      await updatePerson(tx, kept.id, filledFrom(kept, duplicate));
      return (await findPersonById(tx, kept.id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict');
    throw error;
  }
}
