import { and, asc, desc, eq, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Translated } from '../../platform/i18n/translated.js';
import type { Requirement } from './requirements.js';
import { certificationSchemes, schemeLevels, type SchemeStatus } from './tables.js';

export interface SchemeValues {
  name: Translated;
  description: Translated;
  numberPrefix: string;
  validityYears: number;
  renewalCpdCredits: number;
  feeAmount: number | null;
  feeCurrency: string | null;
  certificateLocales: string[];
  status: SchemeStatus;
}

export interface SchemeRow extends SchemeValues {
  id: string;
  associationId: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface LevelValues {
  position: number;
  name: Translated;
  requirements: Requirement[];
}

export interface LevelRow extends LevelValues {
  id: string;
  schemeId: string;
}

const schemeColumns = {
  id: certificationSchemes.id,
  associationId: certificationSchemes.associationId,
  name: certificationSchemes.name,
  description: certificationSchemes.description,
  numberPrefix: certificationSchemes.numberPrefix,
  validityYears: certificationSchemes.validityYears,
  renewalCpdCredits: certificationSchemes.renewalCpdCredits,
  feeAmount: certificationSchemes.feeAmount,
  feeCurrency: certificationSchemes.feeCurrency,
  certificateLocales: certificationSchemes.certificateLocales,
  status: certificationSchemes.status,
  createdAt: certificationSchemes.createdAt,
  updatedAt: certificationSchemes.updatedAt,
};

const levelColumns = {
  id: schemeLevels.id,
  schemeId: schemeLevels.schemeId,
  position: schemeLevels.position,
  name: schemeLevels.name,
  requirements: schemeLevels.requirements,
};

export async function insertScheme(db: DbOrTx, associationId: string, values: SchemeValues): Promise<string> {
  const rows = await db.insert(certificationSchemes).values({ associationId, ...values }).returning({ id: certificationSchemes.id });
  return rows[0]!.id;
}

export async function updateSchemeRow(db: DbOrTx, id: string, values: Partial<SchemeValues>): Promise<void> {
  await db
    .update(certificationSchemes)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(certificationSchemes.id, id));
}

export async function findScheme(db: DbOrTx, id: string): Promise<SchemeRow | null> {
  const rows = await db.select(schemeColumns).from(certificationSchemes).where(eq(certificationSchemes.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The scheme row locked for the rest of the transaction, so level edits of one scheme take turns. */
export async function lockScheme(db: DbOrTx, id: string): Promise<SchemeRow | null> {
  const rows = await db.select(schemeColumns).from(certificationSchemes).where(eq(certificationSchemes.id, id)).for('update');
  return rows[0] ?? null;
}

export interface SchemeListQuery {
  /** Associations whose drafts the reader sees too; null: every association's. */
  memberOf: string[] | null;
  associationId?: string | undefined;
  status?: SchemeStatus | undefined;
}

export async function listSchemeRows(db: DbOrTx, query: SchemeListQuery): Promise<SchemeRow[]> {
  const conditions: SQL[] = [];
  if (query.memberOf !== null) {
    const visible = or(
      sql`${certificationSchemes.status} <> 'draft'`,
      query.memberOf.length > 0 ? inArray(certificationSchemes.associationId, query.memberOf) : sql`false`,
    );
    if (visible) conditions.push(visible);
  }
  if (query.associationId) conditions.push(eq(certificationSchemes.associationId, query.associationId));
  if (query.status) conditions.push(eq(certificationSchemes.status, query.status));
  return db
    .select(schemeColumns)
    .from(certificationSchemes)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(certificationSchemes.createdAt), asc(certificationSchemes.id));
}

export async function levelsOf(db: DbOrTx, schemeIds: string[]): Promise<LevelRow[]> {
  if (schemeIds.length === 0) return [];
  return db
    .select(levelColumns)
    .from(schemeLevels)
    .where(inArray(schemeLevels.schemeId, schemeIds))
    .orderBy(asc(schemeLevels.schemeId), asc(schemeLevels.position));
}

export async function findLevel(db: DbOrTx, id: string): Promise<LevelRow | null> {
  const rows = await db.select(levelColumns).from(schemeLevels).where(eq(schemeLevels.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertLevel(db: DbOrTx, schemeId: string, values: LevelValues): Promise<string> {
  const rows = await db.insert(schemeLevels).values({ schemeId, ...values }).returning({ id: schemeLevels.id });
  return rows[0]!.id;
}

export async function updateLevel(db: DbOrTx, id: string, values: LevelValues): Promise<void> {
  await db.update(schemeLevels).set(values).where(eq(schemeLevels.id, id));
}

/** Deletes the scheme's levels other than `keep`; fails on a level still referred to by an application or certificate. */
export async function deleteLevelsExcept(db: DbOrTx, schemeId: string, keep: string[]): Promise<void> {
  const conditions = [eq(schemeLevels.schemeId, schemeId)];
  if (keep.length > 0) conditions.push(notInArray(schemeLevels.id, keep));
  await db.delete(schemeLevels).where(and(...conditions));
}
