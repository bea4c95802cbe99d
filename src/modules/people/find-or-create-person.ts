import type { DbOrTx } from '../../db/client.js';
import { nameSkeleton, searchKeyOf } from './name-skeleton.js';
import { FieldProblems, LIMITS, clean, normalisePersonInput, type PersonInput } from './person-fields.js';
import { personValues } from './person-values.js';
import { findPersonAndEmployers, insertOrganisation, insertPerson, type LinkedPerson } from './repository.js';

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

/** Among the candidates, the organisation of that name in either script, else a new one. */
async function employerByName(
  db: DbOrTx,
  associationId: string,
  name: string,
  candidates: Array<{ id: string; name: string; nameLatin: string | null }>,
  country: string | null,
  city: string | null,
): Promise<string> {
  const key = skeletonOf(name);
  for (const org of candidates) {
    if (skeletonOf(org.name) === key || (org.nameLatin && skeletonOf(org.nameLatin) === key)) return org.id;
  }
  return insertOrganisation(db, associationId, {
    name,
    nameLatin: null,
    kind: 'other',
    country,
    city,
    website: null,
    email: null,
    phone: null,
    searchKey: searchKeyOf(name),
  });
}

/**
 * For flows where someone gives their own details without an account (a public registration form)
 * or a sheet names people: the person of the association with this e-mail is linked as they are —
 * such input never changes a record — and otherwise a new person is written. The caller has decided who may do
 * this and supplies the transaction; two callers racing on one new e-mail make the second fail
 * with the people_email_unique violation, after which a retry finds the first one's record.
 */
export async function findOrCreatePerson(db: DbOrTx, options: FindOrCreatePersonOptions): Promise<FoundOrCreatedPerson> {
  const { associationId } = options;
  const problems = new FieldProblems();
  const input = normalisePersonInput(options.input, problems);
  const employerName = clean(options.employerName);
  if (employerName && employerName.length > LIMITS.name) problems.add('organisation', 'too_long', { max: LIMITS.name });
  problems.throwIfAny();

  // The employer's candidates come along with the lookup by e-mail: one round trip for both.
  const words = employerName ? skeletonOf(employerName).split(' ').filter(Boolean) : null;
  const found = await findPersonAndEmployers(db, associationId, input.email ?? null, words);
  if (found.person) return { person: found.person, created: false };

  const employerId = employerName ? await employerByName(db, associationId, employerName, found.employers, input.country ?? null, input.city ?? null) : null;
  const values = personValues(null, { ...input, employerId }, new Date());
  const id = await insertPerson(db, associationId, values);
  return { person: { id, associationId, fullName: values.fullName, nameLatin: values.nameLatin, email: values.email }, created: true };
}
