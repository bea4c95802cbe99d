import { tableLongDate } from './date-tables.js';

/**
 * Locale formatting for certificates. Dates on a certificate are calendar dates (YYYY-MM-DD), so
 * they are formatted in UTC: the day printed never shifts with the server's time zone.
 */

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format;
}

export function parseCalendarDate(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : new Date(NaN);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${isoDate}`);
  }
  return date;
}

/** e.g. en-GB "12 May 2026", ru-RU "12 мая 2026 г.", uz-Latn-UZ "12-may, 2026", lv-LV "2026. gada 12. maijs". */
export function formatDate(isoDate: string, locale: string): string {
  const date = parseCalendarDate(isoDate);
  return tableLongDate(date, locale) ?? dateFormat(locale).format(date);
}

/** e.g. en-GB "12 – 16 May 2026"; a single date when both ends are the same day. */
export function formatDateRange(fromIsoDate: string, toIsoDate: string, locale: string): string {
  if (fromIsoDate === toIsoDate) return formatDate(fromIsoDate, locale);
  return dateFormat(locale).formatRange(parseCalendarDate(fromIsoDate), parseCalendarDate(toIsoDate));
}

/** e.g. ru-RU "1 234,5", en-GB "1,234.5". */
export function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}
