import type { Locale } from '../../config.js';
import { INTL_LOCALE, type Translator } from '../../platform/i18n/catalogue.js';
import type { SessionFormat } from './tables.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: zone })));
  return f;
}

/** "Tuesday, 13 May 2025" on the clocks of the zone. */
export function formatDay(instant: Date, zone: string, locale: Locale): string {
  return format(locale, zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** "09:00" on the clocks of the zone. */
export function formatTime(instant: Date, zone: string, locale: Locale): string {
  return format(locale, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** The zone's name as people of the locale say it, e.g. "Uzbekistan Time". */
export function formatZone(instant: Date, zone: string, locale: Locale): string {
  const part = format(locale, zone, { timeZoneName: 'long' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** One line per day: "Tuesday, 13 May 2025, 09:00–17:00". */
export function dayLines(days: Array<{ startsAt: Date; endsAt: Date }>, zone: string, locale: Locale): string[] {
  return days.map((d) => `${formatDay(d.startsAt, zone, locale)}, ${formatTime(d.startsAt, zone, locale)}–${formatTime(d.endsAt, zone, locale)}`);
}

/** "13 May 2025" or "13 May 2025 – 15 May 2025" for the whole session. */
export function dateRange(days: Array<{ startsAt: Date }>, zone: string, locale: Locale): string {
  if (days.length === 0) return '';
  const f = format(locale, zone, { day: 'numeric', month: 'long', year: 'numeric' });
  const first = f.format(days[0]!.startsAt);
  const last = f.format(days[days.length - 1]!.startsAt);
  return first === last ? first : `${first} – ${last}`;
}

/** The price in the reader's conventions, or the word for free. */
export function formatPrice(tr: Translator, amount: number | null, currency: string | null): string {
  if (amount === null || currency === null) return tr.t('events.price.free');
  return tr.formatMoney(amount, currency);
}

/** The language of instruction named in the reader's language, e.g. "Uzbek" / "узбекский". */
export function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([INTL_LOCALE[locale]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Where it happens, in one line: venue and city, or "Online". */
export function placeLine(tr: Translator, session: { format: SessionFormat; venue: string | null; city: string | null }): string {
  const where = [session.venue, session.city].filter(Boolean).join(', ');
  if (session.format === 'online') return tr.t('events.format.online');
  if (session.format === 'hybrid') return `${where} (${tr.t('events.format.hybrid_short')})`;
  return where;
}
