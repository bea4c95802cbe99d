import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from '../../platform/http/schema-types.js';
import { Translated } from '../catalogue/schemas.js';
import { APPLICATION_STEPS, type ApplicationStep } from './application-transitions.js';
import { DOCUMENT_TYPES, type DocumentType } from './requirements.js';
import { OneOf, Requirement } from './scheme-schemas.js';
import { APPLICATION_STATUSES, CERTIFICATE_STATUSES, type ApplicationStatus, type CertificateStatus } from './tables.js';

const Status = OneOf<ApplicationStatus>(APPLICATION_STATUSES, 'draft → submitted → in_review → needs_info → submitted … → approved | rejected');
const Named = Type.Object({ id: Uuid(), name: Translated() });

export const ApplicationSummary = Type.Object({
  id: Uuid(),
  associationId: Uuid(),
  status: Status,
  scheme: Named,
  level: Named,
  applicant: Type.Object({ personId: Uuid(), fullName: Type.String(), nameLatin: Nullable(Type.String()) }),
  submittedAt: Nullable(DateTime()),
  decidedAt: Nullable(DateTime()),
  createdAt: DateTime(),
  updatedAt: DateTime(),
});

const Evaluation = Type.Object({
  met: Type.Boolean({ description: 'Whether the records already show it.' }),
  have: Type.Number({ description: 'What the records show, in the requirement’s unit.' }),
  need: Type.Number(),
  missingCourseIds: Type.Array(Uuid()),
});

const Check = Type.Object({
  met: Type.Boolean(),
  note: Nullable(Type.String()),
  checkedByName: Nullable(Type.String()),
  checkedAt: DateTime(),
});

const Document = Type.Object({
  id: Uuid(),
  documentType: OneOf<DocumentType>(DOCUMENT_TYPES, 'Type of document'),
  fileName: Type.String(),
  contentType: Type.String({ description: 'Detected from the content.' }),
  size: Type.Integer(),
  uploadedAt: DateTime(),
  downloadUrl: Type.String(),
});

const HistoryEntry = Type.Object({
  id: Uuid(),
  at: DateTime(),
  actorName: Nullable(Type.String()),
  action: Type.String({ description: 'created, updated, document_uploaded, document_removed, submitted, resubmitted, in_review, checked, needs_info, approved, rejected, certificate_issued' }),
  note: Nullable(Type.String()),
});

export const Application = Type.Object({
  ...ApplicationSummary.properties,
  applicant: Type.Object({ personId: Uuid(), fullName: Type.String(), nameLatin: Nullable(Type.String()), email: Type.String() }),
  experienceYears: Nullable(Type.Number()),
  statement: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  requirements: Type.Array(
    Type.Object({ ...Requirement.properties, evaluation: Evaluation, check: Nullable(Check) }, { description: 'One checklist item per requirement.' }),
  ),
  documents: Type.Array(Document),
  history: Type.Array(HistoryEntry),
  certificate: Nullable(Type.Object({ id: Uuid(), number: Type.String(), status: OneOf<CertificateStatus>(CERTIFICATE_STATUSES, 'Status') })),
  steps: Type.Array(OneOf<ApplicationStep>(APPLICATION_STEPS, 'Step'), { description: 'The steps the caller may take now.' }),
  canEdit: Type.Boolean({ description: 'The caller may change the details and documents now.' }),
});

export const ApplicationInput = Type.Object({
  levelId: Uuid({ description: 'A level of an open scheme.' }),
  experienceYears: Type.Optional(Nullable(Type.Number({ description: 'Years of professional experience, 0–70.' }))),
  statement: Type.Optional(Nullable(Type.String({ description: 'Anything the assessor should know.' }))),
  fullName: Type.Optional(Nullable(Type.String({ description: 'Your name as the register should have it, when your account is not linked to a person yet.' }))),
  nameLatin: Type.Optional(Nullable(Type.String({ description: 'The same in Latin letters.' }))),
});
export type ApplicationInputBody = Static<typeof ApplicationInput>;

export const ApplicationPatch = Type.Object({
  experienceYears: Type.Optional(Nullable(Type.Number())),
  statement: Type.Optional(Nullable(Type.String())),
});

export const NoteBody = Type.Object({ note: Type.Optional(Nullable(Type.String())) });
export const RequiredNoteBody = Type.Object({ note: Type.String({ description: 'Required: the applicant reads it.' }) });
export const CheckBody = Type.Object({ met: Type.Boolean(), note: Type.Optional(Nullable(Type.String())) });
export const CheckParams = Type.Object({ id: Uuid(), requirementId: Type.String({ maxLength: 64 }) });
export const DocumentParams = Type.Object({ id: Uuid(), documentId: Uuid() });

export const ApplicationQuery = Type.Object({
  mine: Type.Boolean({ default: false, description: 'true: your own applications; false: the review queue of your associations.' }),
  associationId: Type.Optional(Uuid()),
  schemeId: Type.Optional(Uuid()),
  status: Type.Optional(Type.Array(Status, { description: 'One or more statuses.' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
});
export type ApplicationQueryType = Static<typeof ApplicationQuery>;
