import crypto from 'node:crypto';
import { LOCALES, type Locale } from '../../config.js';
import { cleanText, type FieldProblems } from '../../platform/field-problems.js';
import { cleanTranslated } from '../../platform/i18n/translated-input.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { DOCUMENT_TYPES, REQUIREMENT_KINDS, type Requirement, type RequirementInput } from './requirements.js';
import { SCHEME_STATUSES, type SchemeStatus } from './tables.js';

export const SCHEME_LIMITS = {
  name: 300,
  description: 4000,
  prefix: 20,
  levels: 10,
  requirements: 20,
  courses: 30,
  examName: 200,
  credits: 1000,
  windowYears: 20,
  years: 60,
  fee: 1e11,
} as const;

export interface LevelInput {
  id?: string;
  name?: Translated;
  requirements?: RequirementInput[];
}

/** What a caller may send for a scheme; absent means "leave as it is" on an edit. */
export interface SchemeInput {
  name?: Translated;
  description?: Translated;
  numberPrefix?: string;
  validityYears?: number;
  renewalCpdCredits?: number;
  fee?: { amount: number; currency: string } | null;
  certificateLocales?: string[];
  status?: SchemeStatus;
  levels?: LevelInput[];
}

export interface CleanLevel {
  id: string | null;
  name: Translated;
  requirements: Requirement[];
}

export interface CleanScheme {
  name?: Translated;
  description?: Translated;
  numberPrefix?: string;
  validityYears?: number;
  renewalCpdCredits?: number;
  feeAmount?: number | null;
  feeCurrency?: string | null;
  certificateLocales?: Locale[];
  status?: SchemeStatus;
  levels?: CleanLevel[];
}

const PREFIX = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
const REQUIREMENT_ID = /^[A-Za-z0-9-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function wholeNumber(value: number | undefined, field: string, min: number, max: number, problems: FieldProblems): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value)) problems.add(field, 'integer');
  else if (value < min) problems.add(field, 'min', { min });
  else if (value > max) problems.add(field, 'max', { max });
  return value;
}

function amount(value: number | undefined, field: string, min: number, max: number, problems: FieldProblems): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value)) problems.add(field, 'number');
  else if (value < min) problems.add(field, 'min', { min });
  else if (value > max) problems.add(field, 'max', { max });
  return Math.round(value * 10) / 10;
}

function cleanRequirement(raw: RequirementInput, field: string, problems: FieldProblems): Requirement | null {
  const id = raw.id && REQUIREMENT_ID.test(raw.id) ? raw.id : crypto.randomUUID();
  switch (raw.kind) {
    case 'courses': {
      const courseIds = [...new Set(raw.courseIds ?? [])];
      if (courseIds.length === 0) problems.add(`${field}.courseIds`, 'required');
      else if (courseIds.length > SCHEME_LIMITS.courses) problems.add(`${field}.courseIds`, 'too_many', { max: SCHEME_LIMITS.courses });
      else if (courseIds.some((c) => !UUID.test(c))) problems.add(`${field}.courseIds`, 'certification_course');
      return { id, kind: 'courses', courseIds };
    }
    case 'cpd_credits': {
      if (raw.credits === undefined) problems.add(`${field}.credits`, 'required');
      const credits = amount(raw.credits, `${field}.credits`, 0.1, SCHEME_LIMITS.credits, problems) ?? 0;
      const windowYears = raw.windowYears === null || raw.windowYears === undefined ? null : wholeNumber(raw.windowYears, `${field}.windowYears`, 1, SCHEME_LIMITS.windowYears, problems)!;
      return { id, kind: 'cpd_credits', credits, windowYears };
    }
    case 'exam': {
      const examName = cleanText(raw.examName) ?? '';
      if (examName === '') problems.add(`${field}.examName`, 'required');
      else if (examName.length > SCHEME_LIMITS.examName) problems.add(`${field}.examName`, 'too_long', { max: SCHEME_LIMITS.examName });
      return { id, kind: 'exam', examName };
    }
    case 'experience': {
      if (raw.years === undefined) problems.add(`${field}.years`, 'required');
      const years = amount(raw.years, `${field}.years`, 0.5, SCHEME_LIMITS.years, problems) ?? 0;
      return { id, kind: 'experience', years };
    }
    case 'document': {
      if (!raw.documentType || !DOCUMENT_TYPES.includes(raw.documentType)) {
        problems.add(`${field}.documentType`, 'one_of', { values: DOCUMENT_TYPES.join(', ') });
        return null;
      }
      return { id, kind: 'document', documentType: raw.documentType };
    }
    default:
      problems.add(`${field}.kind`, 'one_of', { values: REQUIREMENT_KINDS.join(', ') });
      return null;
  }
}

function cleanLevels(raw: LevelInput[], problems: FieldProblems): CleanLevel[] {
  if (raw.length === 0) problems.add('levels', 'required');
  if (raw.length > SCHEME_LIMITS.levels) problems.add('levels', 'too_many', { max: SCHEME_LIMITS.levels });
  return raw.slice(0, SCHEME_LIMITS.levels).map((level, i) => {
    const field = `levels.${i}`;
    const name = cleanTranslated(level.name, `${field}.name`, problems, { required: true, max: SCHEME_LIMITS.name });
    const given = level.requirements ?? [];
    if (given.length > SCHEME_LIMITS.requirements) problems.add(`${field}.requirements`, 'too_many', { max: SCHEME_LIMITS.requirements });
    const requirements: Requirement[] = [];
    const ids = new Set<string>();
    given.slice(0, SCHEME_LIMITS.requirements).forEach((r, j) => {
      const clean = cleanRequirement(r, `${field}.requirements.${j}`, problems);
      if (!clean) return;
      // Ids are the checklist's keys: a copied requirement gets a fresh one.
      if (ids.has(clean.id)) clean.id = crypto.randomUUID();
      ids.add(clean.id);
      requirements.push(clean);
    });
    const id = level.id && UUID.test(level.id) ? level.id : null;
    return { id, name, requirements };
  });
}

/** Cleans what was sent; on creation the name, prefix, validity and levels are required. */
export function normaliseSchemeInput(raw: SchemeInput, problems: FieldProblems, creating: boolean): CleanScheme {
  const out: CleanScheme = {};
  if (raw.name !== undefined || creating) out.name = cleanTranslated(raw.name, 'name', problems, { required: true, max: SCHEME_LIMITS.name });
  if (raw.description !== undefined) {
    out.description = cleanTranslated(raw.description, 'description', problems, { max: SCHEME_LIMITS.description, multiline: true });
  }
  if (raw.numberPrefix !== undefined || creating) {
    const prefix = (cleanText(raw.numberPrefix) ?? '').toUpperCase();
    if (prefix === '') problems.add('numberPrefix', 'required');
    else if (prefix.length > SCHEME_LIMITS.prefix) problems.add('numberPrefix', 'too_long', { max: SCHEME_LIMITS.prefix });
    else if (!PREFIX.test(prefix)) problems.add('numberPrefix', 'certification_prefix');
    out.numberPrefix = prefix;
  }
  if (raw.validityYears !== undefined || creating) {
    if (raw.validityYears === undefined) problems.add('validityYears', 'required');
    out.validityYears = wholeNumber(raw.validityYears, 'validityYears', 1, 20, problems);
  }
  if (raw.renewalCpdCredits !== undefined) out.renewalCpdCredits = amount(raw.renewalCpdCredits, 'renewalCpdCredits', 0, SCHEME_LIMITS.credits, problems);
  if (raw.fee !== undefined) {
    if (raw.fee === null) {
      out.feeAmount = null;
      out.feeCurrency = null;
    } else {
      const currency = (cleanText(raw.fee.currency) ?? '').toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) problems.add('fee.currency', 'certification_currency');
      if (!Number.isFinite(raw.fee.amount) || raw.fee.amount <= 0) problems.add('fee.amount', 'min', { min: 0.01 });
      else if (raw.fee.amount > SCHEME_LIMITS.fee) problems.add('fee.amount', 'max', { max: SCHEME_LIMITS.fee });
      out.feeAmount = Math.round(raw.fee.amount * 100) / 100;
      out.feeCurrency = currency;
    }
  }
  if (raw.certificateLocales !== undefined) {
    const locales = [...new Set(raw.certificateLocales)];
    if (locales.length === 0 || locales.length > 2) problems.add('certificateLocales', 'certification_locales');
    else if (locales.some((l) => !(LOCALES as readonly string[]).includes(l))) {
      problems.add('certificateLocales', 'one_of', { values: LOCALES.join(', ') });
    }
    out.certificateLocales = locales as Locale[];
  }
  if (raw.status !== undefined) {
    if (!SCHEME_STATUSES.includes(raw.status)) problems.add('status', 'one_of', { values: SCHEME_STATUSES.join(', ') });
    out.status = raw.status;
  }
  if (raw.levels !== undefined || creating) out.levels = cleanLevels(raw.levels ?? [], problems);
  return out;
}

/** The association's language and English, once each. */
export function defaultCertificateLocales(associationLocale: string): Locale[] {
  const own = (LOCALES as readonly string[]).includes(associationLocale) ? (associationLocale as Locale) : 'en';
  return own === 'en' ? ['en'] : [own, 'en'];
}
