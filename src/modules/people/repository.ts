import { and, asc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';
import { users } from '../accounts/tables.js';
import { closeness, countWhere, listConditions, pageAndTotal, windowTotal, type ListQuery } from './list-query.js';
import { insertOrganisation, type OrganisationValues } from './organisations-repository.js';
import { organisations, people, type Gender, type Sector } from './tables.js';

export interface PersonRow {
  id: string;
  associationId: string;
  fullName: string;
  nameLatin: string | null;
  gender: Gender;
  birthDate: string | null;
  country: string | null;
  city: string | null;
  sector: Sector | null;
  employerId: string | null;
  employerName: string | null;
  position: string | null;
  email: string | null;
  phone: string | null;
  registryConsentAt: Date | null;
  emailConsentAt: Date | null;
  mergedIntoId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type PersonSummaryRow = Pick<
  PersonRow,
  'id' | 'associationId' | 'fullName' | 'nameLatin' | 'gender' | 'country' | 'city' | 'sector' | 'employerId' | 'employerName' | 'position' | 'email'
>;

/** The columns a person is written with; `searchKey` is derived from the names by the caller. */
export interface PersonValues {
  fullName: string;
  nameLatin: string | null;
  gender: Gender;
  birthDate: string | null;
  country: string | null;
  city: string | null;
  sector: Sector | null;
  employerId: string | null;
  position: string | null;
  email: string | null;
  phone: string | null;
  registryConsentAt: Date | null;
  emailConsentAt: Date | null;
  searchKey: string;
}

const summaryColumns = {
  id: people.id,
  associationId: people.associationId,
  fullName: people.fullName,
  nameLatin: people.nameLatin,
  gender: people.gender,
  country: people.country,
  city: people.city,
  sector: people.sector,
  employerId: people.employerId,
  employerName: organisations.name,
  position: people.position,
  email: people.email,
};

const personColumns = {
  ...summaryColumns,
  birthDate: people.birthDate,
  phone: people.phone,
  registryConsentAt: people.registryConsentAt,
  emailConsentAt: people.emailConsentAt,
  mergedIntoId: people.mergedIntoId,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
};

/** A record by id, merged or not; the caller decides what a merged record means. */
export async function findPersonById(db: DbOrTx, id: string): Promise<PersonRow | null> {
  const rows = await db
    .select(personColumns)
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.employerId))
    .where(eq(people.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** Locks the rows for the rest of the transaction, in id order so two merges cannot deadlock. */
export async function lockPeople(db: DbOrTx, ids: string[]): Promise<void> {
  await db.select({ id: people.id }).from(people).where(inArray(people.id, ids)).orderBy(asc(people.id)).for('update');
}

export async function insertPerson(db: DbOrTx, associationId: string, values: PersonValues, id?: string): Promise<string> {
  const rows = await db
    .insert(people)
    .values({ ...(id ? { id } : {}), associationId, ...values })
    .returning({ id: people.id });
  return rows[0]!.id;
}

/** A person not written yet, with the id they will have, and the new organisation they work for, if any. */
export interface PendingPerson {
  id: string;
  associationId: string;
  values: PersonValues;
  employer: { id: string; values: OrganisationValues } | null;
}

export async function writePendingPerson(db: DbOrTx, pending: PendingPerson): Promise<void> {
  if (pending.employer) await insertOrganisation(db, pending.associationId, pending.employer.values, pending.employer.id);
  await insertPerson(db, pending.associationId, pending.values, pending.id);
}

/**
 * The pending person (and their new employer) as parts of a caller's WITH statement, written only
 * if `when` holds there: a statement that decides to write nothing else writes no person either.
 * Each record travels as one JSON parameter, so the statement's text stays the same from call to call.
 */
export function pendingPersonWrites(pending: PendingPerson, when: SQL): SQL {
  const v = pending.values;
  const person = {
    id: pending.id,
    association_id: pending.associationId,
    full_name: v.fullName,
    name_latin: v.nameLatin,
    gender: v.gender,
    birth_date: v.birthDate,
    country: v.country,
    city: v.city,
    sector: v.sector,
    employer_id: v.employerId,
    position: v.position,
    email: v.email,
    phone: v.phone,
    registry_consent_at: v.registryConsentAt,
    email_consent_at: v.emailConsentAt,
    search_key: v.searchKey,
  };
  const writePerson = sql`new_person as (
    insert into ${people} (id, association_id, full_name, name_latin, gender, birth_date, country, city, sector, employer_id, position,
      email, phone, registry_consent_at, email_consent_at, search_key)
    select id, association_id, full_name, name_latin, gender, birth_date, country, city, sector, employer_id, position,
      email, phone, registry_consent_at, email_consent_at, search_key
    from jsonb_populate_record(null::${people}, ${JSON.stringify(person)}::jsonb) where ${when})`;
  if (!pending.employer) return writePerson;
  const o = pending.employer.values;
  const organisation = {
    id: pending.employer.id,
    association_id: pending.associationId,
    name: o.name,
    name_latin: o.nameLatin,
    kind: o.kind,
    country: o.country,
    city: o.city,
    website: o.website,
    email: o.email,
    phone: o.phone,
    search_key: o.searchKey,
  };
  return sql`new_employer as (
    insert into ${organisations} (id, association_id, name, name_latin, kind, country, city, website, email, phone, search_key)
    select id, association_id, name, name_latin, kind, country, city, website, email, phone, search_key
    from jsonb_populate_record(null::${organisations}, ${JSON.stringify(organisation)}::jsonb) where ${when}),
  ${writePerson}`;
}

/**
 * Writes many people at once (imports). The rows travel as one JSON parameter and are unpacked by
 * the server: several times faster than a multi-row VALUES list on both back-ends. Rows that would
 * break a unique rule (an e-mail taken since the preview) are skipped; returns how many were written.
 */
export async function insertPeople(db: DbOrTx, rows: Array<PersonValues & { associationId: string }>): Promise<number> {
  if (rows.length === 0) return 0;
  const records = rows.map((r) => ({
    association_id: r.associationId,
    full_name: r.fullName,
    name_latin: r.nameLatin,
    gender: r.gender,
    birth_date: r.birthDate,
    country: r.country,
    city: r.city,
    sector: r.sector,
    employer_id: r.employerId,
    position: r.position,
    email: r.email,
    phone: r.phone,
    registry_consent_at: r.registryConsentAt,
    email_consent_at: r.emailConsentAt,
    search_key: r.searchKey,
  }));
  const result = await db.execute(sql`
    with written as (
      insert into ${people} (association_id, full_name, name_latin, gender, birth_date, country, city, sector,
        employer_id, position, email, phone, registry_consent_at, email_consent_at, search_key)
      select * from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(
        association_id uuid, full_name text, name_latin text, gender text, birth_date date, country text, city text,
        sector text, employer_id uuid, position text, email text, phone text, registry_consent_at timestamptz,
        email_consent_at timestamptz, search_key text)
      on conflict do nothing
      returning 1)
    select count(*)::int as n from written`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

export async function updatePerson(db: DbOrTx, id: string, values: Partial<PersonValues>): Promise<void> {
  await db
    .update(people)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(people.id, id));
}

export async function markPersonMerged(db: DbOrTx, id: string, keptId: string): Promise<void> {
  await db.update(people).set({ mergedIntoId: keptId, updatedAt: sql`now()` }).where(eq(people.id, id));
}

/** Another live person of the association with this e-mail (case-insensitive), if any. */
export async function findPersonIdByEmail(
  db: DbOrTx,
  associationId: string,
  email: string,
  exceptId: string | null = null,
): Promise<string | null> {
  const conditions = [
    eq(people.associationId, associationId),
    sql`lower(${people.email}) = lower(${email})`,
    isNull(people.mergedIntoId),
  ];
  if (exceptId) conditions.push(ne(people.id, exceptId));
  const rows = await db.select({ id: people.id }).from(people).where(and(...conditions)).limit(1);
  return rows[0]?.id ?? null;
}

export interface ExistingIdentity {
  id: string;
  email: string | null;
  fullName: string;
  nameLatin: string | null;
  birthDate: string | null;
}

/** Live people of the association who share an e-mail or a birth date with the given ones (import checks). */
export async function findPossibleDuplicates(
  db: DbOrTx,
  associationId: string,
  emails: string[],
  birthDates: string[],
): Promise<ExistingIdentity[]> {
  const matches: SQL[] = [];
  if (emails.length > 0) matches.push(sql`lower(${people.email}) = any(${sql.param(emails)}::text[])`);
  if (birthDates.length > 0) matches.push(sql`${people.birthDate} = any(${sql.param(birthDates)}::date[])`);
  if (matches.length === 0) return [];
  return db
    .select({ id: people.id, email: people.email, fullName: people.fullName, nameLatin: people.nameLatin, birthDate: people.birthDate })
    .from(people)
    .where(and(eq(people.associationId, associationId), isNull(people.mergedIntoId), or(...matches)));
}

export async function listPeople(db: DbOrTx, query: ListQuery): Promise<{ items: PersonSummaryRow[]; total: number }> {
  if (query.associationIds?.length === 0) return { items: [], total: 0 };
  const where = listConditions(people, query);
  const order = query.forms.length > 0
    ? [...closeness(people.searchKey, query.rankBy), asc(people.fullName), asc(people.id)]
    : [asc(people.fullName), asc(people.id)];
  return pageAndTotal<PersonSummaryRow>(
    (withTotal) =>
      db
        .select(withTotal ? { ...summaryColumns, total: windowTotal } : summaryColumns)
        .from(people)
        .leftJoin(organisations, eq(organisations.id, people.employerId))
        .where(where)
        .orderBy(...order)
        .limit(query.limit)
        .offset(query.offset),
    () => countWhere(db, people, where),
    query,
  );
}

/**
 * Every foreign key that points at `table(id)`, discovered from the catalogue so that references
 * added by other modules move on a merge too.
 */
async function referencesTo(db: DbOrTx, table: string): Promise<Array<{ tableName: string; columnName: string }>> {
  const result = await db.execute<{ table_name: string; column_name: string }>(sql`
    select c.conrelid::regclass::text as table_name, a.attname as column_name
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = ${table}::regclass and array_length(c.conkey, 1) = 1
    order by 1, 2`);
  return rowsOf<{ table_name: string; column_name: string }>(result).map((r) => ({ tableName: r.table_name, columnName: r.column_name }));
}

/** The rows of a raw query, whichever driver ran it. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Points every reference to `fromId` at `toId`; returns the tables that had any. */
async function moveReferences(db: DbOrTx, table: string, fromId: string, toId: string): Promise<void> {
  for (const ref of await referencesTo(db, table)) {
    const column = sql.raw(quoteIdent(ref.columnName));
    await db.execute(sql`update ${sql.raw(ref.tableName)} set ${column} = ${toId} where ${column} = ${fromId}`);
  }
}

/** Moves everything that refers to the duplicate person to the kept one, accounts included. */
export async function movePersonReferences(db: DbOrTx, fromId: string, toId: string): Promise<void> {
  await moveReferences(db, 'people', fromId, toId);
  // users.person_id is a soft link (accounts may exist before their person), so it has no foreign key.
  await db.update(users).set({ personId: toId }).where(eq(users.personId, fromId));
}

export async function moveOrganisationReferences(db: DbOrTx, fromId: string, toId: string): Promise<void> {
  await moveReferences(db, 'organisations', fromId, toId);
}

/** A person as a flow that links or creates them needs to know them. */
export type LinkedPerson = Pick<PersonRow, 'id' | 'associationId' | 'fullName' | 'nameLatin' | 'email'>;

/**
 * In one statement: the association's live person with this e-mail, and its live organisations
 * whose search key holds every one of `employerWords` (the only ones whose name can have that
 * skeleton). No words, no organisations; an empty list of words, all of them.
 */
export async function findPersonAndEmployers(
  db: DbOrTx,
  associationId: string,
  email: string | null,
  employerWords: string[] | null,
): Promise<{ person: LinkedPerson | null; employers: Array<{ id: string; name: string; nameLatin: string | null }> }> {
  const person = email
    ? sql`(select json_build_object('id', p.id, 'associationId', p.association_id, 'fullName', p.full_name, 'nameLatin', p.name_latin, 'email', p.email)
        from ${people} p where p.association_id = ${associationId} and lower(p.email) = lower(${email}) and p.merged_into_id is null limit 1)`
    : sql`null::json`;
  const holds = (employerWords ?? []).map((w) => sql` and o.search_key like ${`%${w.replace(/[\\%_]/g, '\\$&')}%`}`);
  const employers = employerWords
    ? sql`(select json_agg(json_build_object('id', o.id, 'name', o.name, 'nameLatin', o.name_latin))
        from ${organisations} o where o.association_id = ${associationId} and o.merged_into_id is null${sql.join(holds)})`
    : sql`null::json`;
  // Run by every public registration: kept prepared (one statement per count of words).
  const rows = await executePrepared<{ person: LinkedPerson | null; employers: Array<{ id: string; name: string; nameLatin: string | null }> | null }>(
    db,
    sql`select ${person} as person, ${employers} as employers`,
  );
  return { person: rows[0]?.person ?? null, employers: rows[0]?.employers ?? [] };
}

/**
 * Refreshes the planner's statistics after a bulk write. The embedded database has no autovacuum,
 * and without statistics the planner takes a large table for an empty one and stops using the
 * trigram index.
 */
export async function analyzePeople(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze ${people}`);
  await db.execute(sql`analyze ${organisations}`);
}
