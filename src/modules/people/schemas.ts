import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from '../../platform/http/schema-types.js';
import { LIMITS } from './person-fields.js';
import { GENDERS, ORGANISATION_KINDS, SECTORS, type Gender, type OrganisationKind, type Sector } from './tables.js';

/** A string or null in one JSON type (not a union), so a bad value gets the string's own message. */
const Text = (maxLength: number, options: Record<string, unknown> = {}) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength, ...options });

const OneOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const OneOfOrNull = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T | null>({ type: ['string', 'null'], enum: [...values, null], description });

const NullableUuid = (description: string) => Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'uuid', description });
const NullableBoolean = (description: string) => Type.Unsafe<boolean | null>({ type: ['boolean', 'null'], description });

export const IdParams = Type.Object({ id: Uuid() });

export const ListQuery = Type.Object({
  associationId: Type.Optional(Uuid({ description: 'Only this association; default: every association you may read.' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of a name, in Cyrillic or Latin script.' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
});

const personInputProperties = {
  associationId: Uuid(),
  fullName: Type.String({ minLength: 1, maxLength: LIMITS.name, description: 'The name as the person writes it, in any script.' }),
  nameLatin: Type.Optional(Text(LIMITS.name, { description: 'The name in Latin letters, when the full name is not.' })),
  gender: Type.Optional(OneOfOrNull<Gender>(GENDERS, 'For donor reports; null means not stated.')),
  birthDate: Type.Optional(Text(10, { description: 'YYYY-MM-DD' })),
  country: Type.Optional(Text(2, { description: 'ISO 3166-1 alpha-2, e.g. UZ' })),
  city: Type.Optional(Text(LIMITS.city)),
  sector: Type.Optional(OneOfOrNull<Sector>(SECTORS, 'The sector the person works in.')),
  employerId: Type.Optional(NullableUuid('An organisation of the same association.')),
  position: Type.Optional(Text(LIMITS.position)),
  email: Type.Optional(Text(LIMITS.email, { description: 'Unique among the association’s people.' })),
  phone: Type.Optional(Text(LIMITS.phone)),
  registryConsent: Type.Optional(NullableBoolean('Listed in the public registry; true records the date of consent, false withdraws it.')),
  emailConsent: Type.Optional(NullableBoolean('Agrees to receive e-mails; true records the date, false withdraws it.')),
};

export const PersonInput = Type.Object(personInputProperties);
export const PersonPatch = Type.Partial(Type.Object(personInputProperties));
/** The route type provider cannot see through `Type.Unsafe`; handlers read bodies with these types. */
export type PersonInputBody = Static<typeof PersonInput>;
export type PersonPatchBody = Static<typeof PersonPatch>;

const personSummaryProperties = {
  id: Uuid(),
  associationId: Uuid(),
  fullName: Type.String(),
  nameLatin: Nullable(Type.String()),
  gender: OneOf<Gender>(GENDERS, 'not_stated when unknown'),
  country: Nullable(Type.String()),
  city: Nullable(Type.String()),
  sector: Nullable(OneOf<Sector>(SECTORS, 'Sector')),
  employerId: Nullable(Uuid()),
  employerName: Nullable(Type.String()),
  position: Nullable(Type.String()),
  email: Nullable(Type.String()),
};

export const PersonSummary = Type.Object(personSummaryProperties);

export const Person = Type.Object({
  ...personSummaryProperties,
  birthDate: Nullable(Type.String({ format: 'date' })),
  phone: Nullable(Type.String()),
  registryConsent: Type.Boolean(),
  registryConsentAt: Nullable(DateTime()),
  emailConsent: Type.Boolean(),
  emailConsentAt: Nullable(DateTime()),
  createdAt: DateTime(),
  updatedAt: DateTime(),
});

export const MergeBody = Type.Object({
  duplicateId: Uuid({ description: 'The record to merge into this one; it then answers with this record.' }),
});

const organisationInputProperties = {
  associationId: Uuid(),
  name: Type.String({ minLength: 1, maxLength: LIMITS.name }),
  nameLatin: Type.Optional(Text(LIMITS.name)),
  kind: Type.Optional(OneOfOrNull<OrganisationKind>(ORGANISATION_KINDS, 'What sort of organisation it is.')),
  country: Type.Optional(Text(2, { description: 'ISO 3166-1 alpha-2' })),
  city: Type.Optional(Text(LIMITS.city)),
  website: Type.Optional(Text(LIMITS.website)),
  email: Type.Optional(Text(LIMITS.email)),
  phone: Type.Optional(Text(LIMITS.phone)),
};

export const OrganisationInput = Type.Object(organisationInputProperties);
export const OrganisationPatch = Type.Partial(Type.Object(organisationInputProperties));
export type OrganisationInputBody = Static<typeof OrganisationInput>;
export type OrganisationPatchBody = Static<typeof OrganisationPatch>;

export const Organisation = Type.Object({
  id: Uuid(),
  associationId: Uuid(),
  name: Type.String(),
  nameLatin: Nullable(Type.String()),
  kind: OneOf<OrganisationKind>(ORGANISATION_KINDS, 'Kind'),
  country: Nullable(Type.String()),
  city: Nullable(Type.String()),
  website: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  createdAt: DateTime(),
  updatedAt: DateTime(),
});

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const ImportPreview = Type.Object({
  id: Uuid({ description: 'The job id; commit it with POST /api/v1/people/imports/{id}/commit.' }),
  status: Type.Literal('preview'),
  fileName: Type.String(),
  total: Type.Integer({ description: 'Data rows in the file.' }),
  valid: Type.Integer({ description: 'Rows without problems.' }),
  invalid: Type.Integer({ description: 'Rows with at least one problem (duplicates included).' }),
  duplicates: Type.Integer({ description: 'Rows that repeat a person in the file or already registered.' }),
  columns: Type.Array(Type.String(), { description: 'The fields recognised from the header row.' }),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'Row number as in the sheet; the header is row 1.' }),
      errors: Type.Array(Type.Object({ column: Type.String(), message: Type.String() })),
    }),
    { description: 'Only the rows with problems.' },
  ),
});

export type CommitBodyType = Static<typeof CommitBody>;
export const CommitBody = Type.Object({
  mode: Type.Unsafe<'all' | 'valid'>({
    type: 'string',
    enum: ['all', 'valid'],
    description: 'all: every row or nothing (refused while any row has a problem); valid: only the rows without problems.',
  }),
});
