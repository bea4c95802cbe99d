import type { DbOrTx } from '../../db/client.js';
import { searchKeyOf } from './name-skeleton.js';
import { consentAt, type FieldProblems, type PersonInput } from './person-fields.js';
import { findPersonById, type PersonRow, type PersonValues } from './repository.js';
import { findOrganisationById, type OrganisationRow } from './organisations-repository.js';

/** Merges are flattened when they happen, so a chain is at most a step or two; the bound guards a cycle. */
const MAX_MERGE_HOPS = 5;

/** The record an id stands for now: itself, or the record it was merged into. */
export async function findLivePerson(db: DbOrTx, id: string): Promise<PersonRow | null> {
  let row = await findPersonById(db, id);
  for (let hop = 0; row?.mergedIntoId && hop < MAX_MERGE_HOPS; hop++) row = await findPersonById(db, row.mergedIntoId);
  return row && !row.mergedIntoId ? row : null;
}

export async function findLiveOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow | null> {
  let row = await findOrganisationById(db, id);
  for (let hop = 0; row?.mergedIntoId && hop < MAX_MERGE_HOPS; hop++) row = await findOrganisationById(db, row.mergedIntoId);
  return row && !row.mergedIntoId ? row : null;
}

/** The employer must be an organisation of the same association; a merged one stands for its kept record. */
export async function resolveEmployer(
  db: DbOrTx,
  associationId: string,
  employerId: string | null | undefined,
  problems: FieldProblems,
): Promise<string | null | undefined> {
  if (!employerId) return employerId;
  const organisation = await findLiveOrganisation(db, employerId);
  if (!organisation || organisation.associationId !== associationId) {
    problems.add('employerId', 'employer');
    return undefined;
  }
  return organisation.id;
}

/** The full set of columns after applying `input` to `current` (or to nothing, for a new person). */
export function personValues(current: PersonRow | null, input: PersonInput, now: Date): PersonValues {
  const pick = <K extends keyof PersonInput & keyof PersonRow>(key: K): PersonRow[K] | null =>
    (input[key] === undefined ? (current?.[key] ?? null) : input[key]) as PersonRow[K] | null;
  const fullName = input.fullName ?? current?.fullName ?? '';
  const nameLatin = pick('nameLatin');
  return {
    fullName,
    nameLatin,
    gender: pick('gender') ?? 'not_stated',
    birthDate: pick('birthDate'),
    country: pick('country'),
    city: pick('city'),
    sector: pick('sector'),
    employerId: pick('employerId'),
    position: pick('position'),
    email: pick('email'),
    phone: pick('phone'),
    registryConsentAt: consentAt(current?.registryConsentAt ?? null, input.registryConsent, now),
    emailConsentAt: consentAt(current?.emailConsentAt ?? null, input.emailConsent, now),
    searchKey: searchKeyOf(fullName, nameLatin),
  };
}
