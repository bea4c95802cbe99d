import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { checkRecordAccess } from './access.js';
import { searchKeyOf } from './name-skeleton.js';
import { moveOrganisationReferences } from './repository.js';
import { findOrganisationById, lockOrganisations, markOrganisationMerged, updateOrganisation, type OrganisationRow, type OrganisationValues } from './organisations-repository.js';
import { isUniqueViolation } from './unique-violation.js';

export interface MergeOrganisationsOptions {
  actor: AuthContext | null;
  keptId: string;
  duplicateId: string;
}

function filledFrom(kept: OrganisationRow, duplicate: OrganisationRow): Partial<OrganisationValues> {
  const fill = <K extends keyof OrganisationValues & keyof OrganisationRow>(key: K) =>
    kept[key] === null && duplicate[key] !== null ? { [key]: duplicate[key] } : {};
  const values: Partial<OrganisationValues> = {
    ...fill('nameLatin'),
    ...fill('country'),
    ...fill('city'),
    ...fill('website'),
    ...fill('email'),
    ...fill('phone'),
  };
  if (kept.kind === 'other' && duplicate.kind !== 'other') values.kind = duplicate.kind;
  values.searchKey = searchKeyOf(kept.name, values.nameLatin ?? kept.nameLatin);
  return values;
}

/** Merges a duplicate organisation into the kept one: employees and every other reference move with it. */
export async function mergeOrganisations(db: Db, options: MergeOrganisationsOptions): Promise<OrganisationRow> {
  const { keptId, duplicateId } = options;
  if (keptId === duplicateId) throw fieldError('duplicateId', 'merge_self');
  try {
    return await db.transaction(async (tx) => {
      await lockOrganisations(tx, [keptId, duplicateId]);
      const kept = await findOrganisationById(tx, keptId);
      const duplicate = await findOrganisationById(tx, duplicateId);
      if (!kept) throw new AppError('not_found', { values: { what: 'organisation' } });
      checkRecordAccess(options.actor, kept.associationId, 'write', 'organisation');
      if (!duplicate || duplicate.associationId !== kept.associationId) {
        throw new AppError('not_found', { values: { what: 'organisation' } });
      }
      if (kept.mergedIntoId || duplicate.mergedIntoId) throw new AppError('conflict');
      await markOrganisationMerged(tx, duplicate.id, kept.id);
      await moveOrganisationReferences(tx, duplicate.id, kept.id);
      await updateOrganisation(tx, kept.id, filledFrom(kept, duplicate));
      return (await findOrganisationById(tx, kept.id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict');
    throw error;
  }
}
