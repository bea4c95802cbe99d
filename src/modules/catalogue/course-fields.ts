import { cleanText, type FieldProblems } from '../../platform/field-problems.js';
import { cleanTranslated } from '../../platform/i18n/translated-input.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { SECTORS, type Sector } from '../people/tables.js';
import { COMPETENCY_AREAS, COURSE_STATUSES, type CompetencyArea, type CourseStatus, type EscoSkill } from './tables.js';

/** What a caller may send for a course; absent means "leave as it is" on an edit. */
export interface CourseInput {
  associationId?: string;
  programmeId?: string | null;
  code?: string;
  slug?: string;
  title?: Translated;
  summary?: Translated;
  learningOutcomes?: Translated[];
  prerequisites?: Translated;
  competencyAreas?: CompetencyArea[];
  sectors?: Sector[];
  hours?: number;
  cpdCredits?: number;
  eqfLevel?: number | null;
  escoSkills?: EscoSkill[];
  status?: CourseStatus;
}

export const COURSE_LIMITS = {
  code: 40,
  slug: 80,
  title: 300,
  summary: 4000,
  outcome: 600,
  outcomes: 40,
  prerequisites: 2000,
  escoSkills: 50,
  escoLabel: 300,
  hours: 10000,
  cpdCredits: 1000,
} as const;

const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._\-/]*$/u;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** ESCO skills and skill groups: http(s)://data.europa.eu/esco/skill/<UUID or group code>. */
const ESCO_SKILL = /^https?:\/\/data\.europa\.eu\/esco\/skill\/[A-Za-z0-9][A-Za-z0-9.-]*$/;

/** A URL segment from a code: lower-case Latin letters, digits and dashes. */
export function slugFrom(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, COURSE_LIMITS.slug)
    .replace(/-+$/, '');
}

export function cleanCode(raw: string | undefined, problems: FieldProblems): string | undefined {
  if (raw === undefined) return undefined;
  const code = cleanText(raw) ?? '';
  if (code === '') problems.add('code', 'required');
  else if (code.length > COURSE_LIMITS.code) problems.add('code', 'too_long', { max: COURSE_LIMITS.code });
  else if (!CODE.test(code)) problems.add('code', 'code');
  return code;
}

function cleanSlug(raw: string | undefined, problems: FieldProblems): string | undefined {
  if (raw === undefined) return undefined;
  const slug = raw.trim().toLowerCase();
  if (slug === '') problems.add('slug', 'required');
  else if (slug.length > COURSE_LIMITS.slug) problems.add('slug', 'too_long', { max: COURSE_LIMITS.slug });
  else if (!SLUG.test(slug)) problems.add('slug', 'slug');
  return slug;
}

function cleanOutcomes(raw: Translated[] | undefined, problems: FieldProblems): Translated[] | undefined {
  if (raw === undefined) return undefined;
  if (raw.length > COURSE_LIMITS.outcomes) problems.add('learningOutcomes', 'too_many', { max: COURSE_LIMITS.outcomes });
  return raw.map((outcome, i) =>
    cleanTranslated(outcome, `learningOutcomes.${i}`, problems, { required: true, max: COURSE_LIMITS.outcome, multiline: true }),
  );
}

function cleanEscoSkills(raw: EscoSkill[] | undefined, problems: FieldProblems): EscoSkill[] | undefined {
  if (raw === undefined) return undefined;
  if (raw.length > COURSE_LIMITS.escoSkills) problems.add('escoSkills', 'too_many', { max: COURSE_LIMITS.escoSkills });
  const seen = new Set<string>();
  const out: EscoSkill[] = [];
  raw.forEach((skill, i) => {
    const uri = (skill.uri ?? '').trim();
    const label = cleanText(skill.label) ?? '';
    if (!ESCO_SKILL.test(uri)) problems.add(`escoSkills.${i}.uri`, 'esco_uri');
    if (label === '') problems.add(`escoSkills.${i}.label`, 'required');
    else if (label.length > COURSE_LIMITS.escoLabel) problems.add(`escoSkills.${i}.label`, 'too_long', { max: COURSE_LIMITS.escoLabel });
    if (seen.has(uri)) return;
    seen.add(uri);
    out.push({ uri, label });
  });
  return out;
}

function oneOfEach<T extends string>(raw: T[] | undefined, allowed: readonly T[], field: string, problems: FieldProblems): T[] | undefined {
  if (raw === undefined) return undefined;
  if (raw.some((v) => !allowed.includes(v))) problems.add(field, 'one_of', { values: allowed.join(', ') });
  return allowed.filter((v) => raw.includes(v));
}

function cleanNumbers(input: CourseInput, raw: CourseInput, problems: FieldProblems): void {
  if (raw.hours !== undefined) {
    input.hours = Math.round(raw.hours * 10) / 10;
    if (!(input.hours > 0)) problems.add('hours', 'positive');
    else if (input.hours > COURSE_LIMITS.hours) problems.add('hours', 'max', { max: COURSE_LIMITS.hours });
  }
  if (raw.cpdCredits !== undefined) {
    input.cpdCredits = Math.round(raw.cpdCredits * 10) / 10;
    if (input.cpdCredits < 0) problems.add('cpdCredits', 'min', { min: 0 });
    else if (input.cpdCredits > COURSE_LIMITS.cpdCredits) problems.add('cpdCredits', 'max', { max: COURSE_LIMITS.cpdCredits });
  }
  if (raw.eqfLevel !== undefined && raw.eqfLevel !== null) {
    if (!Number.isInteger(raw.eqfLevel) || raw.eqfLevel < 1 || raw.eqfLevel > 8) problems.add('eqfLevel', 'eqf_level');
  }
}

/**
 * Cleans every field of a course input and checks the rules the schema cannot express. On
 * creation, the fields a course cannot do without are required, and the slug defaults to the code.
 */
export function normaliseCourseInput(raw: CourseInput, problems: FieldProblems, creating: boolean): CourseInput {
  const input: CourseInput = { ...raw };
  input.code = cleanCode(raw.code, problems);
  input.slug = cleanSlug(raw.slug ?? (creating && input.code ? slugFrom(input.code) : undefined), problems);
  if (raw.title !== undefined || creating) {
    input.title = cleanTranslated(raw.title, 'title', problems, { required: true, max: COURSE_LIMITS.title });
  }
  if (raw.summary !== undefined) input.summary = cleanTranslated(raw.summary, 'summary', problems, { max: COURSE_LIMITS.summary, multiline: true });
  if (raw.prerequisites !== undefined) {
    input.prerequisites = cleanTranslated(raw.prerequisites, 'prerequisites', problems, { max: COURSE_LIMITS.prerequisites, multiline: true });
  }
  input.learningOutcomes = cleanOutcomes(raw.learningOutcomes, problems);
  input.competencyAreas = oneOfEach(raw.competencyAreas, COMPETENCY_AREAS, 'competencyAreas', problems);
  input.sectors = oneOfEach(raw.sectors, SECTORS, 'sectors', problems);
  input.escoSkills = cleanEscoSkills(raw.escoSkills, problems);
  if (raw.status !== undefined && !COURSE_STATUSES.includes(raw.status)) {
    problems.add('status', 'one_of', { values: COURSE_STATUSES.join(', ') });
  }
  cleanNumbers(input, raw, problems);
  if (creating) {
    if (input.code === undefined) problems.add('code', 'required');
    if (raw.hours === undefined) problems.add('hours', 'required');
  }
  return input;
}
