import { cleanText, type FieldProblems } from '../../platform/field-problems.js';
import { cleanTranslated } from '../../platform/i18n/translated-input.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { isSlug, SESSION_LIMITS } from './session-fields.js';
import { isIsoDay, isTimeZone } from './session-times.js';
import { EVENT_KINDS, type EventKind } from './tables.js';

/** What a caller may send for an event; absent means "leave as it is" on an edit. */
export interface EventInput {
  associationId?: string;
  projectId?: string | null;
  slug?: string | null;
  kind?: EventKind;
  title?: Translated;
  description?: Translated;
  city?: string | null;
  country?: string | null;
  startsOn?: string;
  endsOn?: string;
  timeZone?: string;
}

export const EVENT_LIMITS = { title: 300, description: 4000 } as const;

export interface CleanEvent {
  slug?: string | null;
  kind?: EventKind;
  title?: Translated;
  description?: Translated;
  city?: string | null;
  country?: string | null;
  startsOn?: string;
  endsOn?: string;
  timeZone?: string;
}

export function cleanEventInput(raw: EventInput, problems: FieldProblems): CleanEvent {
  const out: CleanEvent = {};
  if (raw.slug !== undefined) {
    out.slug = cleanText(raw.slug)?.toLowerCase() ?? null;
    if (out.slug && !isSlug(out.slug)) problems.add('slug', 'slug');
  }
  if (raw.kind !== undefined) {
    out.kind = raw.kind;
    if (!EVENT_KINDS.includes(raw.kind)) problems.add('kind', 'one_of', { values: EVENT_KINDS.join(', ') });
  }
  if (raw.title !== undefined) out.title = cleanTranslated(raw.title, 'title', problems, { required: true, max: EVENT_LIMITS.title });
  if (raw.description !== undefined) {
    out.description = cleanTranslated(raw.description, 'description', problems, { max: EVENT_LIMITS.description, multiline: true });
  }
  if (raw.city !== undefined) {
    out.city = cleanText(raw.city);
    if (out.city && out.city.length > SESSION_LIMITS.city) problems.add('city', 'too_long', { max: SESSION_LIMITS.city });
  }
  if (raw.country !== undefined) {
    out.country = cleanText(raw.country)?.toUpperCase() ?? null;
    if (out.country && !/^[A-Z]{2}$/.test(out.country)) problems.add('country', 'country');
  }
  for (const name of ['startsOn', 'endsOn'] as const) {
    if (raw[name] === undefined) continue;
    out[name] = raw[name].trim();
    if (!isIsoDay(out[name])) problems.add(name, 'date');
  }
  if (raw.timeZone !== undefined) {
    out.timeZone = raw.timeZone.trim();
    if (!isTimeZone(out.timeZone)) problems.add('timeZone', 'time_zone');
  }
  return out;
}

/** The event's dates after the change must be in order. */
export function checkEventDates(startsOn: string, endsOn: string, problems: FieldProblems): void {
  if (!problems.fields.startsOn && !problems.fields.endsOn && endsOn < startsOn) problems.add('endsOn', 'ends_before_starts');
}
