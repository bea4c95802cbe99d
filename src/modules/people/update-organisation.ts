import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRecordAccess } from './access.js';
import { searchKeyOf } from './name-skeleton.js';
import { FieldProblems, normaliseOrganisationInput, type OrganisationInput } from './person-fields.js';
import { findLiveOrganisation } from './person-values.js';
import { findOrganisationById, updateOrganisation as writeOrganisation, type OrganisationRow } from './organisations-repository.js';

export interface UpdateOrganisationOptions {
  actor: AuthContext | null;
  id: string;
  input: OrganisationInput;
}

export async function updateOrganisation(db: Db, options: UpdateOrganisationOptions): Promise<OrganisationRow> {
  const current = await findLiveOrganisation(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'organisation' } });
  checkRecordAccess(options.actor, current.associationId, 'write', 'organisation');
  const problems = new FieldProblems();
  const input = normaliseOrganisationInput(options.input, problems);
  if (input.associationId !== undefined && input.associationId !== current.associationId) {
    problems.add('associationId', 'fixed');
  }
  problems.throwIfAny();
  const { associationId: _association, ...changes } = input;
  const values = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<OrganisationRow>;
  if (values.kind === null) values.kind = 'other';
  const name = values.name ?? current.name;
  const nameLatin = values.nameLatin === undefined ? current.nameLatin : values.nameLatin;
  await writeOrganisation(db, current.id, { ...values, searchKey: searchKeyOf(name, nameLatin) });
  return (await findOrganisationById(db, current.id))!;
}
