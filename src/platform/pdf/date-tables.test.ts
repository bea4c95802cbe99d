import { afterEach, describe, expect, it } from 'vitest';
import { tableLongDate } from './date-tables.js';
import { formatDate } from './format.js';

const RealDateTimeFormat = Intl.DateTimeFormat;

afterEach(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
});

function everyMonth(year: number, day: number): string[] {
  return Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

describe('long dates in Uzbek and Kazakh', () => {
  it('print as full ICU prints them, for every month and a one- and two-digit day', () => {
    for (const locale of ['uz-Latn-UZ', 'uz', 'kk-KZ', 'kk']) {
      const icu = new RealDateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
      for (const iso of [...everyMonth(2026, 3), ...everyMonth(2031, 28)]) {
        expect(formatDate(iso, locale), `${locale} ${iso}`).toBe(icu.format(new Date(`${iso}T00:00:00Z`)));
      }
    }
    expect(formatDate('2026-11-22', 'uz-Latn-UZ')).toBe('22-noyabr, 2026');
    expect(formatDate('2026-11-22', 'kk-KZ')).toBe('2026 ж. 22 қараша');
  });

  it('do not depend on the runtime having Uzbek or Kazakh calendar data (Chromium has none)', () => {
    // What Chromium's Intl prints for these locales.
    Intl.DateTimeFormat = function () {
      return { format: (date: Date) => `${date.getUTCFullYear()} M${date.getUTCMonth() + 1} ${date.getUTCDate()}` };
    } as unknown as typeof Intl.DateTimeFormat;
    expect(formatDate('2029-11-22', 'uz-Latn-UZ')).toBe('22-noyabr, 2029');
    expect(formatDate('2029-11-22', 'kk-KZ')).toBe('2029 ж. 22 қараша');
  });

  it('leave other languages and scripts to Intl', () => {
    const date = new Date(Date.UTC(2026, 4, 12));
    expect(tableLongDate(date, 'ru-RU')).toBeUndefined();
    expect(tableLongDate(date, 'uz-Cyrl-UZ')).toBeUndefined();
    expect(tableLongDate(date, 'uz-Latn-UZ')).toBe('12-may, 2026');
  });
});
