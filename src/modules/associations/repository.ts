import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { associations } from './tables.js';

export interface AssociationRow {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  country: string;
  defaultLocale: string;
  timeZone: string;
}

const columns = {
  id: associations.id,
  slug: associations.slug,
  name: associations.name,
  shortName: associations.shortName,
  country: associations.country,
  defaultLocale: associations.defaultLocale,
  timeZone: associations.timeZone,
};

export async function listAssociations(db: DbOrTx): Promise<AssociationRow[]> {
  return db.select(columns).from(associations).orderBy(asc(associations.name));
}

export async function findAssociation(db: DbOrTx, id: string): Promise<AssociationRow | null> {
  const rows = await db.select(columns).from(associations).where(eq(associations.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertAssociation(db: DbOrTx, values: Omit<AssociationRow, 'id'>): Promise<AssociationRow> {
  const rows = await db.insert(associations).values(values).returning(columns);
  return rows[0]!;
}
