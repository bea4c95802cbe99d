import { cleanText, type FieldProblems } from '../../platform/field-problems.js';
import { SESSION_FORMATS, type SessionFormat } from './tables.js';
import { isClockTime, isIsoDay, isTimeZone, parseMoment, zonedToInstant } from './session-times.js';
import type { DayValues } from './sessions-repository.js';

/** A day as staff type it: the date and the times on the clocks of the session's zone. */
export interface DayInput {
  date: string;
  start: string;
  end: string;
}

export interface PriceInput {
  amount: number;
  currency: string;
}

/** What a caller may send for a session; absent means "leave as it is" on an edit. */
export interface SessionInput {
  associationId?: string;
  courseId?: string;
  eventId?: string | null;
  projectId?: string | null;
  slug?: string | null;
  city?: string | null;
  country?: string | null;
  venue?: string | null;
  timeZone?: string;
  format?: SessionFormat;
  onlineUrl?: string | null;
  language?: string;
  capacity?: number;
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
  price?: PriceInput | null;
  minAttendancePercent?: number;
  requiresFinalTest?: boolean;
  minTestScore?: number | null;
  days?: DayInput[];
  trainers?: Array<{ personId: string; role?: string | null }>;
  partners?: Array<{ organisationId: string; role?: string | null }>;
  guests?: Array<{ name: string; title?: string | null; personId?: string | null }>;
}

export const SESSION_LIMITS = {
  slug: 120,
  city: 100,
  venue: 300,
  url: 500,
  capacity: 100_000,
  days: 60,
  people: 50,
  role: 60,
  guestName: 200,
  guestTitle: 300,
  reason: 1000,
  maxPrice: 1_000_000_000,
} as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE = /^[a-z]{2}$/;
const COUNTRY = /^[A-Z]{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

let knownCurrencies: Set<string> | null = null;
/** ISO 4217 codes the runtime can format (UZS, KZT, EUR and the rest). */
export function isCurrency(code: string): boolean {
  if (!CURRENCY.test(code)) return false;
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export function isSlug(value: string): boolean {
  return SLUG.test(value) && value.length <= SESSION_LIMITS.slug;
}

function text(problems: FieldProblems, field: string, value: string | null | undefined, max: number): string | null | undefined {
  const cleaned = cleanText(value);
  if (cleaned && cleaned.length > max) problems.add(field, 'too_long', { max });
  return cleaned;
}

/** The days as instants, checked: real dates, end after start, each date once, in date order. */
export function daysOf(days: DayInput[], zone: string, problems: FieldProblems): DayValues[] {
  if (days.length === 0) problems.add('days', 'days_required');
  if (days.length > SESSION_LIMITS.days) problems.add('days', 'too_many', { max: SESSION_LIMITS.days });
  const seen = new Set<string>();
  const out: DayValues[] = [];
  days.forEach((d, i) => {
    const field = `days.${i}`;
    if (!isIsoDay(d.date)) return problems.add(`${field}.date`, 'date');
    if (seen.has(d.date)) return problems.add(`${field}.date`, 'day_twice');
    seen.add(d.date);
    if (!isClockTime(d.start)) return problems.add(`${field}.start`, 'clock_time');
    if (!isClockTime(d.end)) return problems.add(`${field}.end`, 'clock_time');
    if (d.end <= d.start) return problems.add(`${field}.end`, 'end_before_start');
    const startsAt = zonedToInstant(d.date, d.start, zone);
    const endsAt = zonedToInstant(d.date, d.end, zone);
    if (!startsAt) return problems.add(`${field}.start`, 'no_such_time');
    if (!endsAt) return problems.add(`${field}.end`, 'no_such_time');
    out.push({ day: d.date, startsAt, endsAt });
  });
  return out.sort((a, b) => a.day.localeCompare(b.day));
}

export interface CleanSession {
  slug?: string | null;
  city?: string | null;
  country?: string | null;
  venue?: string | null;
  timeZone?: string;
  format?: SessionFormat;
  onlineUrl?: string | null;
  language?: string;
  capacity?: number;
  registrationOpensAt?: Date | null;
  registrationClosesAt?: Date | null;
  priceAmount?: number | null;
  priceCurrency?: string | null;
  minAttendancePercent?: number;
  requiresFinalTest?: boolean;
  minTestScore?: number | null;
  guests?: Array<{ name: string; title: string | null; personId: string | null }>;
  trainers?: Array<{ personId: string; role: string }>;
  partners?: Array<{ organisationId: string; role: string }>;
}

/**
 * Cleans the plain fields of a session input and checks what the schema cannot. `zone` is the
 * zone the moments are read in (the new one, or the session's own on an edit that keeps it).
 */
export function cleanSessionInput(raw: SessionInput, zone: string, problems: FieldProblems): CleanSession {
  const out: CleanSession = {};
  if (raw.slug !== undefined) {
    out.slug = cleanText(raw.slug)?.toLowerCase() ?? null;
    if (out.slug && !isSlug(out.slug)) problems.add('slug', 'slug');
  }
  if (raw.city !== undefined) out.city = text(problems, 'city', raw.city, SESSION_LIMITS.city);
  if (raw.venue !== undefined) out.venue = text(problems, 'venue', raw.venue, SESSION_LIMITS.venue);
  if (raw.country !== undefined) {
    out.country = cleanText(raw.country)?.toUpperCase() ?? null;
    if (out.country && !COUNTRY.test(out.country)) problems.add('country', 'country');
  }
  if (raw.timeZone !== undefined) {
    out.timeZone = raw.timeZone.trim();
    if (!isTimeZone(out.timeZone)) problems.add('timeZone', 'time_zone');
  }
  if (raw.format !== undefined) {
    out.format = raw.format;
    if (!SESSION_FORMATS.includes(raw.format)) problems.add('format', 'one_of', { values: SESSION_FORMATS.join(', ') });
  }
  if (raw.onlineUrl !== undefined) {
    out.onlineUrl = cleanText(raw.onlineUrl);
    if (out.onlineUrl && (out.onlineUrl.length > SESSION_LIMITS.url || !isHttpUrl(out.onlineUrl))) problems.add('onlineUrl', 'url');
  }
  if (raw.language !== undefined) {
    out.language = raw.language.trim().toLowerCase();
    if (!LANGUAGE.test(out.language)) problems.add('language', 'language');
  }
  if (raw.capacity !== undefined) {
    out.capacity = raw.capacity;
    if (!Number.isInteger(raw.capacity) || raw.capacity < 1) problems.add('capacity', 'min', { min: 1 });
    else if (raw.capacity > SESSION_LIMITS.capacity) problems.add('capacity', 'max', { max: SESSION_LIMITS.capacity });
  }
  for (const name of ['registrationOpensAt', 'registrationClosesAt'] as const) {
    const value = raw[name];
    if (value === undefined) continue;
    const cleaned = cleanText(value);
    out[name] = cleaned ? parseMoment(cleaned, zone) : null;
    if (cleaned && out[name] === null) problems.add(name, 'moment');
  }
  if (raw.price !== undefined) {
    const price = raw.price;
    out.priceAmount = price ? price.amount : null;
    out.priceCurrency = price ? price.currency.trim().toUpperCase() : null;
    if (price) {
      if (!(price.amount > 0) || price.amount > SESSION_LIMITS.maxPrice || Math.round(price.amount * 100) !== price.amount * 100) {
        problems.add('price.amount', 'amount');
      }
      if (!isCurrency(out.priceCurrency!)) problems.add('price.currency', 'currency');
    }
  }
  if (raw.minAttendancePercent !== undefined) {
    out.minAttendancePercent = raw.minAttendancePercent;
    if (!Number.isInteger(raw.minAttendancePercent) || raw.minAttendancePercent < 0 || raw.minAttendancePercent > 100) {
      problems.add('minAttendancePercent', 'percent');
    }
  }
  if (raw.requiresFinalTest !== undefined) out.requiresFinalTest = raw.requiresFinalTest;
  if (raw.minTestScore !== undefined) {
    out.minTestScore = raw.minTestScore;
    if (raw.minTestScore !== null && (raw.minTestScore < 0 || raw.minTestScore > 100)) problems.add('minTestScore', 'percent');
  }
  if (raw.trainers !== undefined) {
    if (raw.trainers.length > SESSION_LIMITS.people) problems.add('trainers', 'too_many', { max: SESSION_LIMITS.people });
    const ids = new Set<string>();
    out.trainers = [];
    raw.trainers.forEach((t, i) => {
      if (ids.has(t.personId)) return problems.add(`trainers.${i}.personId`, 'listed_twice');
      ids.add(t.personId);
      out.trainers!.push({ personId: t.personId, role: text(problems, `trainers.${i}.role`, t.role, SESSION_LIMITS.role) ?? 'trainer' });
    });
  }
  if (raw.partners !== undefined) {
    if (raw.partners.length > SESSION_LIMITS.people) problems.add('partners', 'too_many', { max: SESSION_LIMITS.people });
    const ids = new Set<string>();
    out.partners = [];
    raw.partners.forEach((p, i) => {
      if (ids.has(p.organisationId)) return problems.add(`partners.${i}.organisationId`, 'listed_twice');
      ids.add(p.organisationId);
      out.partners!.push({ organisationId: p.organisationId, role: text(problems, `partners.${i}.role`, p.role, SESSION_LIMITS.role) ?? 'partner' });
    });
  }
  if (raw.guests !== undefined) {
    if (raw.guests.length > SESSION_LIMITS.people) problems.add('guests', 'too_many', { max: SESSION_LIMITS.people });
    out.guests = raw.guests.map((g, i) => {
      const name = text(problems, `guests.${i}.name`, g.name, SESSION_LIMITS.guestName);
      if (!name) problems.add(`guests.${i}.name`, 'required');
      return { name: name ?? '', title: text(problems, `guests.${i}.title`, g.title, SESSION_LIMITS.guestTitle) ?? null, personId: g.personId ?? null };
    });
  }
  return out;
}

/** Rules across fields, checked on the session as it will be after the change. */
export function checkSessionWhole(
  session: { format: SessionFormat; venue: string | null; onlineUrl: string | null; registrationOpensAt: Date | null; registrationClosesAt: Date | null },
  problems: FieldProblems,
): void {
  if (session.format !== 'online' && !session.venue) problems.add('venue', 'venue_required');
  if (session.format !== 'in_person' && !session.onlineUrl) problems.add('onlineUrl', 'online_url_required');
  if (session.registrationOpensAt && session.registrationClosesAt && session.registrationClosesAt <= session.registrationOpensAt) {
    problems.add('registrationClosesAt', 'closes_before_opens');
  }
}
