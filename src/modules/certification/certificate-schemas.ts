import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from '../../platform/http/schema-types.js';
import { Translated } from '../catalogue/schemas.js';
import { OneOf } from './scheme-schemas.js';
import { CERTIFICATE_ORIGINS, CERTIFICATE_STATUSES, REASON_CATEGORIES, type CertificateOrigin, type CertificateStatus, type ReasonCategory } from './tables.js';

const Status = OneOf<CertificateStatus>(CERTIFICATE_STATUSES, 'active, suspended, revoked or expired (past its last valid day)');
const Link = Nullable(Type.Object({ id: Uuid(), number: Type.String() }));
const Named = Type.Object({ id: Uuid(), name: Translated() });

export const Certificate = Type.Object({
  id: Uuid(),
  associationId: Uuid(),
  number: Type.String({ description: 'e.g. UZ-ENG-2026-000123' }),
  verificationCode: Type.String({ description: 'The unguessable code of the public verification link.' }),
  status: Status,
  holder: Type.Object({ personId: Uuid(), name: Type.String(), nameLatin: Nullable(Type.String()) }),
  scheme: Named,
  level: Named,
  issuedOn: Type.String({ format: 'date' }),
  validUntil: Type.String({ format: 'date' }),
  origin: OneOf<CertificateOrigin>(CERTIFICATE_ORIGINS, 'application, renewal or reissue'),
  applicationId: Nullable(Uuid()),
  replaces: Link,
  replacedBy: Link,
  statusReasonCategory: Nullable(Type.String({ description: 'For a suspended or revoked certificate; superseded when re-issued.' })),
  statusReason: Nullable(Type.String()),
  statusChangedAt: Nullable(DateTime()),
  createdAt: DateTime(),
});

export const CertificateDetail = Type.Object({
  ...Certificate.properties,
  history: Type.Array(
    Type.Object({
      id: Uuid(),
      at: DateTime(),
      actorName: Nullable(Type.String()),
      action: Type.String({ description: 'issued, suspended, reinstated, revoked, expired, renewed, reissued' }),
      reasonCategory: Nullable(Type.String()),
      note: Nullable(Type.String()),
    }),
  ),
});

export const IssueResponse = Certificate;

export const CertificateQuery = Type.Object({
  associationId: Type.Optional(Uuid()),
  status: Type.Optional(Status),
  schemeId: Type.Optional(Uuid()),
  personId: Type.Optional(Uuid({ description: 'The holder, by person id.' })),
  holder: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the holder’s name (either script) or of the number.' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
});
export type CertificateQueryType = Static<typeof CertificateQuery>;

export const ReasonBody = Type.Object({
  category: OneOf<ReasonCategory>(REASON_CATEGORIES, 'Why, from the fixed list'),
  reason: Type.String({ description: 'In your own words.' }),
});
export type ReasonBodyType = Static<typeof ReasonBody>;

export const OptionalReasonBody = Type.Object({ reason: Type.Optional(Nullable(Type.String())) });
export const ReissueBody = Type.Object({ reason: Type.String({ description: 'What was corrected, e.g. the spelling of the name (correct the person first).' }) });
export const EmptyBody = Type.Object({});
