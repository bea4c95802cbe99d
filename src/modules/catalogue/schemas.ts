import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from '../../platform/http/schema-types.js';
import { SECTORS, type Sector } from '../people/tables.js';
import { MATERIAL_VISIBILITIES, type MaterialVisibility } from './material-fields.js';
import { COMPETENCY_AREAS, COURSE_STATUSES, MATERIAL_KINDS, type CompetencyArea, type CourseStatus, type MaterialKind } from './tables.js';

const OneOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });

/** A text in some of the interface languages; the reader sees theirs, else English, else any. */
export const Translated = (description = 'The text per interface language (en, ru, uz, kk, lv); at least one where required.') =>
  Type.Object(
    {
      en: Type.Optional(Type.String()),
      ru: Type.Optional(Type.String()),
      uz: Type.Optional(Type.String()),
      kk: Type.Optional(Type.String()),
      lv: Type.Optional(Type.String()),
    },
    { description, additionalProperties: false },
  );

export const IdParams = Type.Object({ id: Uuid() });
export const MaterialParams = Type.Object({ id: Uuid(), materialId: Uuid() });

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

// Programmes

const programmeInputProperties = {
  associationId: Uuid(),
  code: Type.String({ description: 'Short code, unique in the association, e.g. ENGINE.' }),
  title: Translated(),
  summary: Type.Optional(Translated()),
};
export const ProgrammeInput = Type.Object(programmeInputProperties);
export const ProgrammePatch = Type.Partial(Type.Object(programmeInputProperties));
export type ProgrammeInputBody = Static<typeof ProgrammeInput>;
export type ProgrammePatchBody = Static<typeof ProgrammePatch>;

export const Programme = Type.Object({
  id: Uuid(),
  associationId: Uuid(),
  code: Type.String(),
  title: Translated(),
  summary: Translated(),
  createdAt: DateTime(),
  updatedAt: DateTime(),
});

export const ProgrammeQuery = Type.Object({
  associationId: Type.Optional(Uuid({ description: 'Only this association’s programmes.' })),
});

// Courses

const EscoSkill = Type.Object({
  uri: Type.String({ description: 'An ESCO skill, e.g. http://data.europa.eu/esco/skill/…' }),
  label: Type.String(),
});

const courseInputProperties = {
  associationId: Uuid(),
  programmeId: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'uuid', description: 'A programme of the same association.' })),
  code: Type.Optional(Type.String({ description: 'Unique in the association, e.g. ENG-RW-01. Required for a new course.' })),
  slug: Type.Optional(Type.String({ description: 'The public address segment; made from the code when left out.' })),
  title: Type.Optional(Translated('The title per language; at least one. Required for a new course.')),
  summary: Type.Optional(Translated()),
  learningOutcomes: Type.Optional(Type.Array(Translated(), { description: 'What participants can do afterwards, each in one or more languages.' })),
  prerequisites: Type.Optional(Translated()),
  competencyAreas: Type.Optional(Type.Array(OneOf<CompetencyArea>(COMPETENCY_AREAS, 'Competency area'))),
  sectors: Type.Optional(Type.Array(OneOf<Sector>(SECTORS, 'Sector'))),
  hours: Type.Optional(Type.Number({ description: 'Teaching hours, more than 0. Required for a new course.' })),
  cpdCredits: Type.Optional(Type.Number({ description: 'Continuing professional development credits, 0 or more.' })),
  eqfLevel: Type.Optional(Type.Unsafe<number | null>({ type: ['integer', 'null'], description: 'European Qualifications Framework level, 1–8.' })),
  escoSkills: Type.Optional(Type.Array(EscoSkill)),
  status: Type.Optional(OneOf<CourseStatus>(COURSE_STATUSES, 'Only published courses are shown to the public.')),
};
export const CourseInput = Type.Object(courseInputProperties);
export const CoursePatch = Type.Partial(Type.Object(courseInputProperties));
export type CourseInputBody = Static<typeof CourseInput>;
export type CoursePatchBody = Static<typeof CoursePatch>;

const courseSummaryProperties = {
  id: Uuid(),
  associationId: Uuid(),
  programmeId: Nullable(Uuid()),
  code: Type.String(),
  slug: Type.String(),
  title: Translated(),
  summary: Translated(),
  competencyAreas: Type.Array(OneOf<CompetencyArea>(COMPETENCY_AREAS, 'Competency area')),
  sectors: Type.Array(OneOf<Sector>(SECTORS, 'Sector')),
  hours: Type.Number(),
  cpdCredits: Type.Number(),
  eqfLevel: Nullable(Type.Integer()),
  status: OneOf<CourseStatus>(COURSE_STATUSES, 'Status'),
  updatedAt: DateTime(),
};
export const CourseSummary = Type.Object(courseSummaryProperties);

export const Material = Type.Object({
  id: Uuid(),
  courseId: Uuid(),
  kind: OneOf<MaterialKind>(MATERIAL_KINDS, 'A link, or a file kept by the platform'),
  title: Translated(),
  url: Nullable(Type.String({ description: 'For a link.' })),
  file: Nullable(
    Type.Object({
      fileName: Type.String(),
      contentType: Type.String({ description: 'Detected from the content.' }),
      size: Type.Integer(),
      downloadUrl: Type.String(),
    }),
  ),
  position: Type.Integer(),
  visibility: OneOf<MaterialVisibility>(MATERIAL_VISIBILITIES, 'public: on the catalogue page for anyone; participants: members and participants only'),
  createdAt: DateTime(),
});

export const Course = Type.Object({
  ...courseSummaryProperties,
  learningOutcomes: Type.Array(Translated()),
  prerequisites: Translated(),
  escoSkills: Type.Array(EscoSkill),
  materials: Type.Array(Material, { description: 'Members of the association see all; others the public ones.' }),
  createdAt: DateTime(),
});

export const CourseQuery = Type.Object({
  associationId: Type.Optional(Uuid({ description: 'Only this association’s courses.' })),
  programmeId: Type.Optional(Uuid()),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the title (any language) or the code.' })),
  status: Type.Optional(OneOf<CourseStatus>(COURSE_STATUSES, 'Only courses in this status.')),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
});

export type CourseQueryType = Static<typeof CourseQuery>;

export const LinkMaterialInput = Type.Object({
  title: Translated(),
  url: Type.String({ description: 'An http or https address.' }),
  visibility: Type.Optional(OneOf<MaterialVisibility>(MATERIAL_VISIBILITIES, 'Default: participants')),
});
export type LinkMaterialBody = Static<typeof LinkMaterialInput>;

export const MaterialPatch = Type.Object({
  title: Type.Optional(Translated()),
  url: Type.Optional(Type.String({ description: 'Links only.' })),
  visibility: Type.Optional(OneOf<MaterialVisibility>(MATERIAL_VISIBILITIES, 'Who may see it')),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
});
export type MaterialPatchBody = Static<typeof MaterialPatch>;
