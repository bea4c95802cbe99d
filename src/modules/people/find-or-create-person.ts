import crypto from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import { nameSkeleton, searchKeyOf } from './name-skeleton.js';
import { FieldProblems, LIMITS, clean, normalisePersonInput, type PersonInput } from './person-fields.js';
import { personValues } from './person-values.js';
import { findPersonAndEmployers, writePendingPerson, type LinkedPerson, type PendingPerson } from './repository.js';
import { type OrganisationValues } from './organisations-repository.js';

export interface FindOrCreatePersonOptions {
  associationId: string;
  /** What the person typed about themselves; an e-mail identifies them within the association. */
  input: Omit<PersonInput, 'associationId' | 'employerId'> & { fullName: string };
  /** The employer as written: an organisation of the association with that name, or a new one. */
  employerName?: string | null;
}

export interface FoundOrCreatedPerson {
  person: LinkedPerson;
  created: boolean;
}

/** Skeletons of organisation names seen lately: a burst of registrations names the same few employers. */
const skeletons = new Map<string, string>();
function skeletonOf(name: string): string {
  let key = skeletons.get(name);
  if (key === undefined) {
    if (skeletons.size >= 10_000) skeletons.clear();
    skeletons.set(name, (key = nameSkeleton(name)));
  }
  return key;
}

/** Among the candidates, the organisation of that name in either script, else a new one (not written yet). */
function employerByName(
  name: string,
  candidates: Array<{ id: string; name: string; nameLatin: string | null }>,
  country: string | null,
  city: string | null,
): { id: string; values: OrganisationValues | null } {
  const key = skeletonOf(name);
  for (const org of candidates) {
    if (skeletonOf(org.name) === key || (org.nameLatin && skeletonOf(org.nameLatin) === key)) return { id: org.id, values: null };
  }
  const values: OrganisationValues = { name, nameLatin: null, kind: 'other', country, city, website: null, email: null, phone: null, searchKey: searchKeyOf(name) };
  return { id: crypto.randomUUID(), values };
}

export interface ResolvedPerson {
  person: LinkedPerson;
  /** A person to be written (with their new employer) by the caller, or null for one found. */
  pending: PendingPerson | null;
}

/**
 * The person of the association with this e-mail, linked as they are (such input never changes a
 * record), or else a new person described in full with the id they will have — for a caller that
 * writes them in its own statement, together with what it writes for them.
 */
export async function resolvePerson(db: DbOrTx, options: FindOrCreatePersonOptions): Promise<ResolvedPerson> {
  const { associationId } = options;
  const problems = new FieldProblems();
  const input = normalisePersonInput(options.input, problems);
  const employerName = clean(options.employerName);
  if (employerName && employerName.length > LIMITS.name) problems.add('organisation', 'too_long', { max: LIMITS.name });
  problems.throwIfAny();

  // The employer's candidates come along with the lookup by e-mail: one round trip for both.
  const words = employerName ? skeletonOf(employerName).split(' ').filter(Boolean) : null;
  const found = await findPersonAndEmployers(db, associationId, input.email ?? null, words);
  if (found.person) return { person: found.person, pending: null };

  const employer = employerName ? employerByName(employerName, found.employers, input.country ?? null, input.city ?? null) : null;
  const values = personValues(null, { ...input, employerId: employer?.id ?? null }, new Date());
  const id = crypto.randomUUID();
  return {
    person: { id, associationId, fullName: values.fullName, nameLatin: values.nameLatin, email: values.email },
    pending: { id, associationId, values, employer: employer?.values ? { id: employer.id, values: employer.values } : null },
  };
}

/**
 * For flows where someone gives their own details without an account (a public registration form)
 * or a sheet names people: the person of the association with this e-mail is linked as they are —
 * such input never changes a record — and otherwise a new person is written. The caller has decided who may do
 * this and supplies the transaction; two callers racing on one new e-mail make the second fail
 * with the people_email_unique violation, after which a retry finds the first one's record.
 */
export async function findOrCreatePerson(db: DbOrTx, options: FindOrCreatePersonOptions): Promise<FoundOrCreatedPerson> {
  const { person, pending } = await resolvePerson(db, options);
  if (pending) await writePendingPerson(db, pending);
  return { person, created: pending !== null };
}
