import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Translated } from '../../platform/i18n/translated.js';
import { files } from '../../platform/files/tables.js';
import { associations } from '../associations/tables.js';
import type { Sector } from '../people/tables.js';

export const COMPETENCY_AREAS = [
  'technical',
  'technological',
  'financial',
  'economic',
  'environmental',
  'regulatory',
  'legal',
] as const;
export type CompetencyArea = (typeof COMPETENCY_AREAS)[number];

export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** A link to a skill in the ESCO classification. */
export interface EscoSkill {
  uri: string;
  label: string;
}

export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    code: text('code').notNull(),
    title: jsonb('title').$type<Translated>().notNull(),
    summary: jsonb('summary').$type<Translated>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('programmes_code').on(t.associationId, t.code)],
);

export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    programmeId: uuid('programme_id').references(() => programmes.id),
    code: text('code').notNull(),
    /** Public URL segment. */
    slug: text('slug').notNull(),
    title: jsonb('title').$type<Translated>().notNull(),
    summary: jsonb('summary').$type<Translated>().notNull().default({}),
    learningOutcomes: jsonb('learning_outcomes').$type<Translated[]>().notNull().default([]),
    prerequisites: jsonb('prerequisites').$type<Translated>().notNull().default({}),
    competencyAreas: text('competency_areas').array().$type<CompetencyArea[]>().notNull().default(sql`'{}'::text[]`),
    sectors: text('sectors').array().$type<Sector[]>().notNull().default(sql`'{}'::text[]`),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    cpdCredits: numeric('cpd_credits', { precision: 6, scale: 1, mode: 'number' }).notNull().default(0),
    /** European Qualifications Framework level, 1–8. */
    eqfLevel: smallint('eqf_level'),
    escoSkills: jsonb('esco_skills').$type<EscoSkill[]>().notNull().default([]),
    status: text('status').$type<CourseStatus>().notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('courses_code').on(t.associationId, t.code),
    uniqueIndex('courses_slug').on(t.associationId, t.slug),
    index('courses_programme').on(t.programmeId),
    check('courses_status', sql`${t.status} in ('draft','published','archived')`),
    check('courses_eqf', sql`${t.eqfLevel} is null or ${t.eqfLevel} between 1 and 8`),
    check('courses_hours', sql`${t.hours} > 0 and ${t.cpdCredits} >= 0`),
  ],
);

export const MATERIAL_KINDS = ['file', 'link'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const courseMaterials = pgTable(
  'course_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MaterialKind>().notNull(),
    title: jsonb('title').$type<Translated>().notNull(),
    url: text('url'),
    fileId: uuid('file_id').references(() => files.id),
    position: integer('position').notNull().default(0),
    /** Materials marked public are listed on the public catalogue page. */
    visibility: text('visibility').$type<'public' | 'participants'>().notNull().default('participants'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('course_materials_course').on(t.courseId),
    check('course_materials_kind', sql`(${t.kind} = 'link' and ${t.url} is not null) or (${t.kind} = 'file' and ${t.fileId} is not null)`),
  ],
);
