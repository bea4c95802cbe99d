import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from '../../platform/http/schema-types.js';
import { Translated } from '../catalogue/schemas.js';
import { DOCUMENT_TYPES, REQUIREMENT_KINDS, type DocumentType, type RequirementKind } from './requirements.js';
import { SCHEME_STATUSES, type SchemeStatus } from './tables.js';

export const OneOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });

export const IdParams = Type.Object({ id: Uuid() });

const LOCALES = ['en', 'ru', 'uz', 'kk', 'lv'] as const;

const requirementFields = {
  kind: OneOf<RequirementKind>(REQUIREMENT_KINDS, 'courses, cpd_credits, exam, experience or document'),
  courseIds: Type.Optional(Type.Array(Uuid(), { description: 'courses: catalogue courses of the association, each to be completed.' })),
  credits: Type.Optional(Type.Number({ description: 'cpd_credits: the credits needed.' })),
  windowYears: Type.Optional(
    Type.Unsafe<number | null>({ type: ['integer', 'null'], description: 'cpd_credits: earned within this many years before applying; null for any time.' }),
  ),
  examName: Type.Optional(Type.String({ description: 'exam: the name of the exam to have passed (results entered by an assessor).' })),
  years: Type.Optional(Type.Number({ description: 'experience: years of professional experience.' })),
  documentType: Type.Optional(OneOf<DocumentType>(DOCUMENT_TYPES, 'document: the type of document to upload.')),
};

export const RequirementInput = Type.Object({
  id: Type.Optional(Type.String({ description: 'Keep the id of an existing requirement so checklists that name it stay linked.' })),
  ...requirementFields,
});

const CourseRef = Type.Object({ id: Uuid(), code: Type.String(), title: Translated(), cpdCredits: Type.Number() });

export const Requirement = Type.Object({
  id: Type.String(),
  ...requirementFields,
  courses: Type.Optional(Type.Array(CourseRef, { description: 'courses: the catalogue’s facts of each course.' })),
});

const LevelInput = Type.Object({
  id: Type.Optional(Uuid({ description: 'An existing level to keep (with its applications); leave out for a new one.' })),
  name: Translated(),
  requirements: Type.Optional(Type.Array(RequirementInput)),
});

const Fee = Type.Object({ amount: Type.Number({ description: 'More than 0.' }), currency: Type.String({ description: 'ISO 4217, e.g. UZS.' }) });

const schemeInputProperties = {
  name: Translated('The scheme’s name per language; at least one.'),
  description: Type.Optional(Translated()),
  numberPrefix: Type.String({ description: 'Starts every certificate number, e.g. UZ-ENG (capital letters, digits, dashes); unique.' }),
  validityYears: Type.Integer({ description: 'How long a certificate is valid, 1–20 years.' }),
  renewalCpdCredits: Type.Optional(Type.Number({ description: 'CPD credits to earn within the validity period to renew; default 0.' })),
  fee: Type.Optional(Nullable(Fee)),
  certificateLocales: Type.Optional(
    Type.Array(OneOf(LOCALES, 'Language'), { description: 'One or two languages of the certificate; default the association’s and English.' }),
  ),
  status: Type.Optional(OneOf<SchemeStatus>(SCHEME_STATUSES, 'draft (members only), open (accepting applications) or closed.')),
  levels: Type.Array(LevelInput, { description: 'In order, e.g. Engineer then Lead Engineer.' }),
};

export const SchemeInput = Type.Object({ associationId: Uuid(), ...schemeInputProperties });
export const SchemePatch = Type.Partial(Type.Object(schemeInputProperties));
export type SchemeInputBody = Static<typeof SchemeInput>;
export type SchemePatchBody = Static<typeof SchemePatch>;

export const Level = Type.Object({ id: Uuid(), position: Type.Integer(), name: Translated(), requirements: Type.Array(Requirement) });

export const Scheme = Type.Object({
  id: Uuid(),
  associationId: Uuid(),
  name: Translated(),
  description: Translated(),
  numberPrefix: Type.String(),
  validityYears: Type.Integer(),
  renewalCpdCredits: Type.Number(),
  fee: Nullable(Fee),
  certificateLocales: Type.Array(Type.String()),
  status: OneOf<SchemeStatus>(SCHEME_STATUSES, 'Status'),
  levels: Type.Array(Level),
  createdAt: DateTime(),
  updatedAt: DateTime(),
});

export const SchemeQuery = Type.Object({
  associationId: Type.Optional(Uuid({ description: 'Only this association’s schemes.' })),
  status: Type.Optional(OneOf<SchemeStatus>(SCHEME_STATUSES, 'Only schemes in this status.')),
});
export type SchemeQueryType = Static<typeof SchemeQuery>;

export const ExamResultInput = Type.Object({
  personId: Uuid({ description: 'A person of the association, or an applicant to the scheme.' }),
  levelId: Uuid({ description: 'A level of this scheme.' }),
  examName: Type.String({ description: 'As named in the level’s exam requirement.' }),
  score: Type.Number({ minimum: 0 }),
  passed: Type.Boolean(),
  takenOn: Type.String({ format: 'date' }),
});
export type ExamResultBody = Static<typeof ExamResultInput>;

export const ExamResult = Type.Object({
  id: Uuid(),
  schemeId: Uuid(),
  levelId: Uuid(),
  personId: Uuid(),
  fullName: Type.String(),
  examName: Type.String(),
  score: Type.Number(),
  passed: Type.Boolean(),
  takenOn: Type.String({ format: 'date' }),
  assessorName: Nullable(Type.String()),
  createdAt: DateTime(),
});

export const ExamResultQuery = Type.Object({ personId: Type.Optional(Uuid()) });
