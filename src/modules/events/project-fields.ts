import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { cleanText, type FieldProblems } from '../../platform/field-problems.js';
import { cleanTranslated } from '../../platform/i18n/translated-input.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { getOrganisation } from '../people/get-organisation.js';
import { PARTNER_ROLES, type PartnerRole, type ProjectRow, type ProjectValues } from './projects-repository.js';

/** What a caller may send for a project; absent means "leave as it is" on an edit. */
export interface ProjectInput {
  associationId?: string;
  name?: string;
  donor?: string;
  programme?: string | null;
  agreementNumber?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  acknowledgement?: Translated;
  partners?: Array<{ organisationId: string; role?: PartnerRole }>;
}

export const PROJECT_LIMITS = { name: 300, donor: 200, programme: 200, agreementNumber: 100, acknowledgement: 2000, partners: 100 } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value;
}

function text(problems: FieldProblems, field: keyof typeof PROJECT_LIMITS, raw: string | null | undefined, required: boolean): string | null | undefined {
  if (raw === undefined && !required) return undefined;
  const value = cleanText(raw) ?? null;
  if (value === null && required) problems.add(field, 'required');
  else if (value && value.length > PROJECT_LIMITS[field]) problems.add(field, 'too_long', { max: PROJECT_LIMITS[field] });
  return value;
}

function date(problems: FieldProblems, field: 'startsOn' | 'endsOn', raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  const value = cleanText(raw) ?? null;
  if (value !== null && !isCalendarDate(value)) problems.add(field, 'date');
  return value;
}

/**
 * Cleans a project input and checks the rules the schema cannot express: required texts on
 * creation, real dates in order (against the stored ones on an edit), an acknowledgement per language.
 */
export function normaliseProjectInput(raw: ProjectInput, problems: FieldProblems, current: ProjectRow | null): Partial<ProjectValues> {
  const creating = current === null;
  const values: Partial<ProjectValues> = {};
  const set = <K extends keyof ProjectValues>(key: K, value: ProjectValues[K] | undefined) => {
    if (value !== undefined) values[key] = value;
  };
  set('name', text(problems, 'name', raw.name, creating || raw.name !== undefined) as string | undefined);
  set('donor', text(problems, 'donor', raw.donor, creating || raw.donor !== undefined) as string | undefined);
  set('programme', text(problems, 'programme', raw.programme, false));
  set('agreementNumber', text(problems, 'agreementNumber', raw.agreementNumber, false));
  set('startsOn', date(problems, 'startsOn', raw.startsOn));
  set('endsOn', date(problems, 'endsOn', raw.endsOn));
  if (raw.acknowledgement !== undefined) {
    values.acknowledgement = cleanTranslated(raw.acknowledgement, 'acknowledgement', problems, {
      max: PROJECT_LIMITS.acknowledgement,
      multiline: true,
    });
  }
  const startsOn = values.startsOn !== undefined ? values.startsOn : (current?.startsOn ?? null);
  const endsOn = values.endsOn !== undefined ? values.endsOn : (current?.endsOn ?? null);
  if (startsOn && endsOn && !problems.fields.startsOn && !problems.fields.endsOn && endsOn < startsOn) {
    problems.add('endsOn', 'dates_order');
  }
  return values;
}

/**
 * The partner list as it will be stored: each an organisation of the project's association (a
 * merged one stands for the record it was merged into), once, with a role.
 */
export async function resolvePartners(
  db: Db,
  actor: AuthContext | null,
  associationId: string,
  raw: ProjectInput['partners'],
  problems: FieldProblems,
): Promise<Array<{ organisationId: string; role: PartnerRole }> | undefined> {
  if (raw === undefined) return undefined;
  if (raw.length > PROJECT_LIMITS.partners) problems.add('partners', 'too_many', { max: PROJECT_LIMITS.partners });
  const out = new Map<string, PartnerRole>();
  for (const [i, partner] of raw.entries()) {
    const role = partner.role ?? 'partner';
    if (!PARTNER_ROLES.includes(role)) problems.add(`partners.${i}.role`, 'one_of', { values: PARTNER_ROLES.join(', ') });
    try {
      const organisation = await getOrganisation(db, { actor, id: partner.organisationId });
      if (organisation.associationId !== associationId) throw new AppError('not_found');
      if (!out.has(organisation.id)) out.set(organisation.id, role);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      problems.add(`partners.${i}.organisationId`, 'partner');
    }
  }
  return [...out].map(([organisationId, role]) => ({ organisationId, role }));
}
