import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { files } from '../../platform/files/tables.js';
import { associations } from '../associations/tables.js';
import type { Sector } from '../people/tables.js';
import {
  courseMaterials,
  courses,
  programmes,
  type CompetencyArea,
  type CourseStatus,
  type EscoSkill,
  type MaterialKind,
} from './tables.js';

export interface ProgrammeRow {
  id: string;
  associationId: string;
  code: string;
  title: Translated;
  summary: Translated;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProgrammeValues {
  code: string;
  title: Translated;
  summary: Translated;
}

export interface CourseValues {
  programmeId: string | null;
  code: string;
  slug: string;
  title: Translated;
  summary: Translated;
  learningOutcomes: Translated[];
  prerequisites: Translated;
  competencyAreas: CompetencyArea[];
  sectors: Sector[];
  hours: number;
  cpdCredits: number;
  eqfLevel: number | null;
  escoSkills: EscoSkill[];
  status: CourseStatus;
}

export interface CourseRow extends CourseValues {
  id: string;
  associationId: string;
  createdAt: Date;
  updatedAt: Date;
}

export type CourseSummaryRow = Omit<CourseRow, 'learningOutcomes' | 'prerequisites' | 'escoSkills' | 'createdAt'>;

export interface MaterialRow {
  id: string;
  courseId: string;
  kind: MaterialKind;
  title: Translated;
  url: string | null;
  fileId: string | null;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  position: number;
  visibility: 'public' | 'participants';
  createdAt: Date;
}

const programmeColumns = {
  id: programmes.id,
  associationId: programmes.associationId,
  code: programmes.code,
  title: programmes.title,
  summary: programmes.summary,
  createdAt: programmes.createdAt,
  updatedAt: programmes.updatedAt,
};

const summaryColumns = {
  id: courses.id,
  associationId: courses.associationId,
  programmeId: courses.programmeId,
  code: courses.code,
  slug: courses.slug,
  title: courses.title,
  summary: courses.summary,
  competencyAreas: courses.competencyAreas,
  sectors: courses.sectors,
  hours: courses.hours,
  cpdCredits: courses.cpdCredits,
  eqfLevel: courses.eqfLevel,
  status: courses.status,
  updatedAt: courses.updatedAt,
};

const courseColumns = {
  ...summaryColumns,
  learningOutcomes: courses.learningOutcomes,
  prerequisites: courses.prerequisites,
  escoSkills: courses.escoSkills,
  createdAt: courses.createdAt,
};

const materialColumns = {
  id: courseMaterials.id,
  courseId: courseMaterials.courseId,
  kind: courseMaterials.kind,
  title: courseMaterials.title,
  url: courseMaterials.url,
  fileId: courseMaterials.fileId,
  fileName: files.fileName,
  contentType: files.contentType,
  size: files.size,
  position: courseMaterials.position,
  visibility: courseMaterials.visibility,
  createdAt: courseMaterials.createdAt,
};

/** `%text%` for LIKE, with the pattern characters in the text taken literally. */
function contains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** True when any language of a translated column contains the text. */
function translatedContains(column: AnyPgColumn, text: string): SQL {
  return sql`exists (select 1 from jsonb_each_text(${column}) t where lower(t.value) like ${contains(text)})`;
}

// Programmes

export async function insertProgramme(db: DbOrTx, associationId: string, values: ProgrammeValues): Promise<ProgrammeRow> {
  const rows = await db.insert(programmes).values({ associationId, ...values }).returning(programmeColumns);
  return rows[0]!;
}

export async function updateProgramme(db: DbOrTx, id: string, values: Partial<ProgrammeValues>): Promise<ProgrammeRow | null> {
  const rows = await db
    .update(programmes)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(programmes.id, id))
    .returning(programmeColumns);
  return rows[0] ?? null;
}

export async function findProgramme(db: DbOrTx, id: string): Promise<ProgrammeRow | null> {
  const rows = await db.select(programmeColumns).from(programmes).where(eq(programmes.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Programmes of the given associations (null: all), by code. */
export async function listProgrammes(db: DbOrTx, associationIds: string[] | null): Promise<ProgrammeRow[]> {
  if (associationIds?.length === 0) return [];
  return db
    .select(programmeColumns)
    .from(programmes)
    .where(associationIds ? inArray(programmes.associationId, associationIds) : undefined)
    .orderBy(asc(programmes.code));
}

// Courses

export async function insertCourse(db: DbOrTx, associationId: string, values: CourseValues): Promise<string> {
  const rows = await db.insert(courses).values({ associationId, ...values }).returning({ id: courses.id });
  return rows[0]!.id;
}

export async function updateCourse(db: DbOrTx, id: string, values: Partial<CourseValues>): Promise<void> {
  await db
    .update(courses)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(courses.id, id));
}

export async function findCourse(db: DbOrTx, id: string): Promise<CourseRow | null> {
  const rows = await db.select(courseColumns).from(courses).where(eq(courses.id, id)).limit(1);
  return rows[0] ?? null;
}

export interface CourseListQuery {
  /** Courses of these associations in any status (null: every association); others only when published. */
  memberOf: string[] | null;
  associationId?: string;
  programmeId?: string;
  status?: CourseStatus;
  q?: string;
  limit: number;
  offset: number;
}

function courseListConditions(query: CourseListQuery): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (query.memberOf !== null) {
    const published = eq(courses.status, 'published');
    conditions.push(query.memberOf.length > 0 ? or(published, inArray(courses.associationId, query.memberOf)) : published);
  }
  if (query.associationId) conditions.push(eq(courses.associationId, query.associationId));
  if (query.programmeId) conditions.push(eq(courses.programmeId, query.programmeId));
  if (query.status) conditions.push(eq(courses.status, query.status));
  const q = query.q?.trim();
  if (q) conditions.push(or(translatedContains(courses.title, q), sql`lower(${courses.code}) like ${contains(q)}`));
  return and(...conditions);
}

export async function listCourses(db: DbOrTx, query: CourseListQuery): Promise<{ items: CourseSummaryRow[]; total: number }> {
  const where = courseListConditions(query);
  const items = await db
    .select(summaryColumns)
    .from(courses)
    .where(where)
    .orderBy(asc(courses.code), asc(courses.id))
    .limit(query.limit)
    .offset(query.offset);
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(courses).where(where);
  return { items, total: rows[0]?.n ?? 0 };
}

export interface PublicCourseFilter {
  associationSlug?: string;
  sector?: Sector;
  area?: CompetencyArea;
  q?: string;
  limit: number;
  offset: number;
}

export interface PublicCourseRow extends CourseSummaryRow {
  associationSlug: string;
  associationName: string;
}

/** Published courses of every association, for the public catalogue. */
export async function listPublishedCourses(
  db: DbOrTx,
  filter: PublicCourseFilter,
): Promise<{ items: PublicCourseRow[]; total: number }> {
  const conditions: SQL[] = [eq(courses.status, 'published')];
  if (filter.associationSlug) conditions.push(eq(associations.slug, filter.associationSlug));
  if (filter.sector) conditions.push(sql`${filter.sector} = any(${courses.sectors})`);
  if (filter.area) conditions.push(sql`${filter.area} = any(${courses.competencyAreas})`);
  if (filter.q?.trim()) conditions.push(translatedContains(courses.title, filter.q.trim()));
  const where = and(...conditions);
  const items = await db
    .select({ ...summaryColumns, associationSlug: associations.slug, associationName: associations.name })
    .from(courses)
    .innerJoin(associations, eq(associations.id, courses.associationId))
    .where(where)
    .orderBy(asc(associations.name), asc(courses.code))
    .limit(filter.limit)
    .offset(filter.offset);
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(courses)
    .innerJoin(associations, eq(associations.id, courses.associationId))
    .where(where);
  return { items, total: rows[0]?.n ?? 0 };
}

export interface PublicCourseDetail extends CourseRow {
  associationSlug: string;
  associationName: string;
  programmeTitle: Translated | null;
}

/** A published course by its public address. */
export async function findPublishedCourseBySlug(
  db: DbOrTx,
  associationSlug: string,
  courseSlug: string,
): Promise<PublicCourseDetail | null> {
  const rows = await db
    .select({
      ...courseColumns,
      associationSlug: associations.slug,
      associationName: associations.name,
      programmeTitle: programmes.title,
    })
    .from(courses)
    .innerJoin(associations, eq(associations.id, courses.associationId))
    .leftJoin(programmes, eq(programmes.id, courses.programmeId))
    .where(and(eq(associations.slug, associationSlug), eq(courses.slug, courseSlug), eq(courses.status, 'published')))
    .limit(1);
  return rows[0] ?? null;
}

/** Which unique rule a failed insert or update broke: the course code or slug, the programme code. */
export function duplicateCourseField(error: unknown): 'code' | 'slug' | null {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pgError = e as { code?: string; constraint?: string };
    if (pgError.code !== '23505') continue;
    if (pgError.constraint === 'courses_slug') return 'slug';
    if (pgError.constraint === 'courses_code' || pgError.constraint === 'programmes_code') return 'code';
  }
  return null;
}

// Materials

export interface MaterialValues {
  kind: MaterialKind;
  title: Translated;
  url: string | null;
  fileId: string | null;
  visibility: 'public' | 'participants';
}

export async function insertMaterial(db: DbOrTx, courseId: string, values: MaterialValues): Promise<string> {
  const rows = await db
    .insert(courseMaterials)
    .values({
      courseId,
      ...values,
      position: sql`(select coalesce(max(${courseMaterials.position}), -1) + 1 from ${courseMaterials} where ${courseMaterials.courseId} = ${courseId})`,
    })
    .returning({ id: courseMaterials.id });
  return rows[0]!.id;
}

export async function updateMaterial(
  db: DbOrTx,
  id: string,
  values: Partial<Pick<MaterialValues, 'title' | 'visibility' | 'url'>> & { position?: number },
): Promise<void> {
  await db.update(courseMaterials).set(values).where(eq(courseMaterials.id, id));
}

export async function deleteMaterial(db: DbOrTx, id: string): Promise<void> {
  await db.delete(courseMaterials).where(eq(courseMaterials.id, id));
}

export async function findMaterial(db: DbOrTx, id: string): Promise<MaterialRow | null> {
  const rows = await db
    .select(materialColumns)
    .from(courseMaterials)
    .leftJoin(files, eq(files.id, courseMaterials.fileId))
    .where(eq(courseMaterials.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** A course's materials in their order; only the public ones when `publicOnly`. */
export async function listMaterials(db: DbOrTx, courseId: string, publicOnly: boolean): Promise<MaterialRow[]> {
  const conditions = [eq(courseMaterials.courseId, courseId)];
  if (publicOnly) conditions.push(eq(courseMaterials.visibility, 'public'));
  return db
    .select(materialColumns)
    .from(courseMaterials)
    .leftJoin(files, eq(files.id, courseMaterials.fileId))
    .where(and(...conditions))
    .orderBy(asc(courseMaterials.position), desc(courseMaterials.createdAt));
}
