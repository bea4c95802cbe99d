import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { checkAssociationAccess } from './access.js';
import { searchKeyOf } from './name-skeleton.js';
import { FieldProblems, normaliseOrganisationInput, type OrganisationInput } from './person-fields.js';
import { findOrganisationById, insertOrganisation, type OrganisationRow } from './organisations-repository.js';

export interface CreateOrganisationOptions {
  actor: AuthContext | null;
  input: OrganisationInput & { associationId: string; name: string };
}

export async function createOrganisation(db: Db, options: CreateOrganisationOptions): Promise<OrganisationRow> {
  const { associationId } = options.input;
  checkAssociationAccess(options.actor, associationId, 'write');
  const problems = new FieldProblems();
  const input = normaliseOrganisationInput(options.input, problems);
  problems.throwIfAny();
  const name = input.name!;
  const id = await insertOrganisation(db, associationId, {
    name,
    nameLatin: input.nameLatin ?? null,
    kind: input.kind ?? 'company',
    country: input.country ?? null,
    city: input.city ?? null,
    website: input.website ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    searchKey: searchKeyOf(name, input.nameLatin),
  });
  return (await findOrganisationById(db, id))!;
}
