import { Type, type Static } from '@sinclair/typebox';
import { LOCALES, type Locale } from '../../config.js';
import { DateTime, Nullable, Uuid } from '../../platform/http/schema-types.js';
import { GENDERS, SECTORS, type Gender, type Sector } from '../people/tables.js';
import { FEE_MODES, REGISTRATION_SOURCES, REGISTRATION_STATUSES, type FeeMode, type RegistrationSource, type RegistrationStatus } from './tables.js';

const Text = (maxLength: number, options: Record<string, unknown> = {}) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength, ...options });
const OneOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const OneOfOrNull = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T | null>({ type: ['string', 'null'], enum: [...values, null], description });

const Status = OneOf<RegistrationStatus>(REGISTRATION_STATUSES, 'confirmed: holds a seat; waitlisted: waits for one; cancelled: kept for the record.');

export const SessionIdParams = Type.Object({ id: Uuid() });
export const JobParams = Type.Object({ id: Uuid(), jobId: Uuid() });

export const RegistrationBody = Type.Object({
  personId: Type.Optional(Uuid({ description: 'Staff: register this person of the register. Otherwise give the registrant’s details below.' })),
  feeMode: Type.Optional(OneOf<FeeMode>(FEE_MODES, 'Staff, priced sessions: invoice (default) or sponsored (fee waived under a project).')),
  sponsorProjectId: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'uuid', description: 'Sponsored seats: the project paying; default the session’s.' })),
  fullName: Type.Optional(Type.String({ maxLength: 200, description: 'The name as the registrant writes it, in any script.' })),
  nameLatin: Type.Optional(Text(200)),
  email: Type.Optional(Type.String({ maxLength: 254 })),
  gender: Type.Optional(OneOfOrNull<Gender>(GENDERS, 'For donor reports.')),
  country: Type.Optional(Text(2, { description: 'ISO 3166-1 alpha-2' })),
  city: Type.Optional(Text(100)),
  organisation: Type.Optional(Text(200, { description: 'The employer as written; matched to an organisation by name or added.' })),
  sector: Type.Optional(OneOfOrNull<Sector>(SECTORS, 'Sector')),
  privacyConsent: Type.Optional(Type.Boolean({ description: 'Public registrations: must be true.' })),
  emailConsent: Type.Optional(Type.Boolean()),
  registryConsent: Type.Optional(Type.Boolean()),
  locale: Type.Optional(OneOf<Locale>(LOCALES, 'The language of the registrant’s mails; default the request’s.')),
});
export type RegistrationBodyType = Static<typeof RegistrationBody>;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'A retry with the same key gets the same registration and answer (header Idempotent-Replayed: true).' }),
  ),
});

export const RegistrationResult = Type.Object({
  id: Uuid(),
  sessionId: Uuid(),
  status: Status,
  position: Nullable(Type.Integer({ description: 'Place on the waitlist, 1 for the first.' })),
  feeMode: OneOf<FeeMode>(FEE_MODES, 'free, sponsored or invoice'),
  alreadyRegistered: Type.Boolean({ description: 'The person had registered before (with another request): their ticket is in their mailbox.' }),
  ticketCode: Nullable(Type.String({ description: 'Given to the request that registered, its replays, and staff.' })),
  ticketUrl: Nullable(Type.String({ description: 'The ticket with its QR code; only to the request that registered and its replays.' })),
  cancelUrl: Nullable(Type.String({ description: 'Self-service cancellation; as ticketUrl.' })),
});

export const RegistrationListQuery = Type.Object({
  status: Type.Optional(Status),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
});
export type RegistrationListQueryType = Static<typeof RegistrationListQuery>;

export const RegistrationItem = Type.Object({
  id: Uuid(),
  personId: Uuid(),
  fullName: Type.String(),
  nameLatin: Nullable(Type.String()),
  email: Nullable(Type.String()),
  gender: OneOf<Gender>(GENDERS, 'Gender'),
  country: Nullable(Type.String()),
  sector: Nullable(OneOf<Sector>(SECTORS, 'Sector')),
  organisation: Nullable(Type.String()),
  status: Status,
  position: Nullable(Type.Integer({ description: 'Place on the waitlist.' })),
  ticketCode: Type.String(),
  source: OneOf<RegistrationSource>(REGISTRATION_SOURCES, 'public form, staff, or import'),
  feeMode: OneOf<FeeMode>(FEE_MODES, 'free, sponsored or invoice'),
  sponsorProjectId: Nullable(Uuid()),
  locale: Type.String(),
  createdAt: DateTime(),
  confirmedAt: Nullable(DateTime()),
  waitlistedAt: Nullable(DateTime()),
  cancelledAt: Nullable(DateTime()),
  cancelledReason: Nullable(Type.String()),
});

export const RegistrationPage = Type.Object({ items: Type.Array(RegistrationItem), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const CancelBody = Type.Object({ reason: Type.Optional(Text(1000)) });

export const CancellationResult = Type.Object({
  id: Uuid(),
  status: Status,
  cancelled: Type.Boolean({ description: 'False when it had been cancelled already.' }),
  promoted: Type.Array(Uuid(), { description: 'Registrations moved from the waitlist into the freed seat (each was mailed).' }),
});

export const ImportPreview = Type.Object({
  id: Uuid({ description: 'The job id; commit it with POST …/imports/{jobId}/commit.' }),
  status: Type.Literal('preview'),
  fileName: Type.String(),
  total: Type.Integer({ description: 'Data rows in the file.' }),
  valid: Type.Integer(),
  invalid: Type.Integer({ description: 'Rows with at least one problem (duplicates included).' }),
  duplicates: Type.Integer({ description: 'Rows repeating an earlier row, or naming someone already registered.' }),
  known: Type.Integer({ description: 'Valid rows that are people already in the register.' }),
  columns: Type.Array(Type.String()),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'Row number as in the sheet; the header is row 1.' }),
      errors: Type.Array(Type.Object({ column: Type.String(), message: Type.String() })),
    }),
    { description: 'Only the rows with problems.' },
  ),
});

export const ImportCommitBody = Type.Object({
  mode: OneOf<'all' | 'valid'>(['all', 'valid'], 'all: every row or nothing (refused while a row has a problem); valid: the rows without problems.'),
  feeMode: Type.Optional(OneOf<FeeMode>(FEE_MODES, 'Priced sessions: invoice (default) or sponsored.')),
  sponsorProjectId: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'uuid' })),
});
export type ImportCommitBodyType = Static<typeof ImportCommitBody>;

export const ImportResult = Type.Object({
  confirmed: Type.Integer(),
  waitlisted: Type.Integer(),
  skipped: Type.Integer(),
  newPeople: Type.Integer(),
});
