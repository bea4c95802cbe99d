import { AppError, type FieldIssue } from '../../platform/errors.js';
import { isCountryCode } from './countries.js';
import { GENDERS, ORGANISATION_KINDS, SECTORS, type Gender, type OrganisationKind, type Sector } from './tables.js';

/** What a caller may send for a person; absent means "leave as it is" on an edit. */
export interface PersonInput {
  associationId?: string;
  fullName?: string;
  nameLatin?: string | null;
  gender?: Gender | null;
  birthDate?: string | null;
  country?: string | null;
  city?: string | null;
  sector?: Sector | null;
  employerId?: string | null;
  position?: string | null;
  email?: string | null;
  phone?: string | null;
  registryConsent?: boolean | null;
  emailConsent?: boolean | null;
}

export interface OrganisationInput {
  associationId?: string;
  name?: string;
  nameLatin?: string | null;
  kind?: OrganisationKind | null;
  country?: string | null;
  city?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
}

export const LIMITS = { name: 200, city: 100, position: 200, email: 254, phone: 40, website: 300 } as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()\-./]{5,40}$/;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Collects field problems so one answer names every field that needs attention. */
export class FieldProblems {
  readonly fields: Record<string, FieldIssue> = {};

  add(field: string, key: string, values?: FieldIssue['values']): void {
    this.fields[field] ??= values ? { key, values } : { key };
  }

  get empty(): boolean {
    return Object.keys(this.fields).length === 0;
  }

  throwIfAny(): void {
    if (!this.empty) throw new AppError('validation', { fields: this.fields });
  }
}

/** Trims; an empty string means "no value". */
export function clean(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim().replace(/\s+/g, ' ');
  return trimmed === '' ? null : trimmed;
}

function checkLength(problems: FieldProblems, field: string, value: string | null | undefined, max: number): void {
  if (value && value.length > max) problems.add(field, 'too_long', { max });
}

/** A real calendar date between 1900 and today. */
export function isPlausibleBirthDate(value: string, today = new Date()): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.toISOString().slice(0, 10) !== value) return false;
  return date.getUTCFullYear() >= 1900 && date.getTime() <= today.getTime();
}

function checkContacts(problems: FieldProblems, input: { email?: string | null; phone?: string | null; country?: string | null }): void {
  if (input.email && (!EMAIL.test(input.email) || input.email.length > LIMITS.email)) problems.add('email', 'email');
  if (input.phone && !PHONE.test(input.phone)) problems.add('phone', 'phone');
  if (input.country && !isCountryCode(input.country)) problems.add('country', 'country');
}

/** Cleans every string of a person input and checks the rules the schema cannot express. */
export function normalisePersonInput(raw: PersonInput, problems = new FieldProblems()): PersonInput {
  const input: PersonInput = {
    ...raw,
    fullName: clean(raw.fullName) ?? (raw.fullName === undefined ? undefined : ''),
    nameLatin: clean(raw.nameLatin),
    birthDate: clean(raw.birthDate),
    country: clean(raw.country)?.toUpperCase(),
    city: clean(raw.city),
    position: clean(raw.position),
    email: clean(raw.email),
    phone: clean(raw.phone),
  };
  if (input.fullName === '') problems.add('fullName', 'required');
  checkLength(problems, 'fullName', input.fullName, LIMITS.name);
  checkLength(problems, 'nameLatin', input.nameLatin, LIMITS.name);
  if (input.nameLatin && CYRILLIC.test(input.nameLatin)) problems.add('nameLatin', 'latin_only');
  if (input.gender && !GENDERS.includes(input.gender)) problems.add('gender', 'one_of', { values: GENDERS.join(', ') });
  if (input.sector && !SECTORS.includes(input.sector)) problems.add('sector', 'one_of', { values: SECTORS.join(', ') });
  if (input.birthDate && !isPlausibleBirthDate(input.birthDate)) problems.add('birthDate', 'birth_date');
  checkLength(problems, 'city', input.city, LIMITS.city);
  checkLength(problems, 'position', input.position, LIMITS.position);
  checkContacts(problems, input);
  return input;
}

/** Cleans an organisation input; a website without a scheme is read as https. */
export function normaliseOrganisationInput(raw: OrganisationInput, problems = new FieldProblems()): OrganisationInput {
  let website = clean(raw.website);
  if (website && !/^https?:\/\//i.test(website)) website = `https://${website}`;
  const input: OrganisationInput = {
    ...raw,
    name: clean(raw.name) ?? (raw.name === undefined ? undefined : ''),
    nameLatin: clean(raw.nameLatin),
    country: clean(raw.country)?.toUpperCase(),
    city: clean(raw.city),
    website,
    email: clean(raw.email),
    phone: clean(raw.phone),
  };
  if (input.name === '') problems.add('name', 'required');
  checkLength(problems, 'name', input.name, LIMITS.name);
  checkLength(problems, 'nameLatin', input.nameLatin, LIMITS.name);
  if (input.nameLatin && CYRILLIC.test(input.nameLatin)) problems.add('nameLatin', 'latin_only');
  if (input.kind && !ORGANISATION_KINDS.includes(input.kind)) {
    problems.add('kind', 'one_of', { values: ORGANISATION_KINDS.join(', ') });
  }
  checkLength(problems, 'city', input.city, LIMITS.city);
  if (website && (website.length > LIMITS.website || !isHttpUrl(website))) problems.add('website', 'url');
  checkContacts(problems, input);
  return input;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * The new consent timestamp: giving consent stamps now (and keeps the original date when it was
 * already given), withdrawing clears it, absent leaves it.
 */
export function consentAt(current: Date | null, given: boolean | null | undefined, now: Date): Date | null {
  if (given === undefined) return current;
  if (!given) return null;
  return current ?? now;
}
