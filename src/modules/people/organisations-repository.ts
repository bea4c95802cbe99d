import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { closeness, countWhere, listConditions, pageAndTotal, windowTotal, type ListQuery } from './list-query.js';
import { organisations, type OrganisationKind } from './tables.js';

export interface OrganisationRow {
  id: string;
  associationId: string;
  name: string;
  nameLatin: string | null;
  kind: OrganisationKind;
  country: string | null;
  city: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  mergedIntoId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type OrganisationValues = Omit<OrganisationRow, 'id' | 'associationId' | 'mergedIntoId' | 'createdAt' | 'updatedAt'> & {
  searchKey: string;
};

const organisationColumns = {
  id: organisations.id,
  associationId: organisations.associationId,
  name: organisations.name,
  nameLatin: organisations.nameLatin,
  kind: organisations.kind,
  country: organisations.country,
  city: organisations.city,
  website: organisations.website,
  email: organisations.email,
  phone: organisations.phone,
  mergedIntoId: organisations.mergedIntoId,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
};

export async function findOrganisationById(db: DbOrTx, id: string): Promise<OrganisationRow | null> {
  const rows = await db.select(organisationColumns).from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function lockOrganisations(db: DbOrTx, ids: string[]): Promise<void> {
  await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .orderBy(asc(organisations.id))
    .for('update');
}

export async function insertOrganisation(db: DbOrTx, associationId: string, values: OrganisationValues, id?: string): Promise<string> {
  const rows = await db
    .insert(organisations)
    .values({ ...(id ? { id } : {}), associationId, ...values })
    .returning({ id: organisations.id });
  return rows[0]!.id;
}

export async function updateOrganisation(db: DbOrTx, id: string, values: Partial<OrganisationValues>): Promise<void> {
  await db
    .update(organisations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(organisations.id, id));
}

export async function markOrganisationMerged(db: DbOrTx, id: string, keptId: string): Promise<void> {
  await db.update(organisations).set({ mergedIntoId: keptId, updatedAt: sql`now()` }).where(eq(organisations.id, id));
}

/** The live organisations of an association with their search keys (imports match employers by name). */
export async function organisationKeysOf(db: DbOrTx, associationId: string): Promise<Array<{ id: string; searchKey: string; name: string; nameLatin: string | null }>> {
  return db
    .select({ id: organisations.id, searchKey: organisations.searchKey, name: organisations.name, nameLatin: organisations.nameLatin })
    .from(organisations)
    .where(and(eq(organisations.associationId, associationId), isNull(organisations.mergedIntoId)));
}

export async function listOrganisations(db: DbOrTx, query: ListQuery): Promise<{ items: OrganisationRow[]; total: number }> {
  if (query.associationIds?.length === 0) return { items: [], total: 0 };
  const where = listConditions(organisations, query);
  const order = query.forms.length > 0
    ? [...closeness(organisations.searchKey, query.rankBy), asc(organisations.name), asc(organisations.id)]
    : [asc(organisations.name), asc(organisations.id)];
  return pageAndTotal<OrganisationRow>(
    (withTotal) =>
      db
        .select(withTotal ? { ...organisationColumns, total: windowTotal } : organisationColumns)
        .from(organisations)
        .where(where)
        .orderBy(...order)
        .limit(query.limit)
        .offset(query.offset),
    () => countWhere(db, organisations, where),
    query,
  );
}
