import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatNumber, parseCalendarDate } from './format.js';

describe('certificate formatting', () => {
  it('formats a calendar date in each interface locale, whatever the server time zone', () => {
    expect(formatDate('2026-05-12', 'en-GB')).toBe('12 May 2026');
    expect(formatDate('2026-05-12', 'ru-RU')).toBe('12 мая 2026 г.');
    expect(formatDate('2026-05-12', 'uz-Latn-UZ')).toBe('12-may, 2026');
    expect(formatDate('2026-05-12', 'kk-KZ')).toBe('2026 ж. 12 мамыр');
    expect(formatDate('2026-05-12', 'lv-LV')).toBe('2026. gada 12. maijs');
  });

  it('formats ranges, and a one-day range as a date', () => {
    expect(formatDateRange('2026-05-12', '2026-05-16', 'en-GB')).toBe('12\u2009–\u200916 May 2026');
    expect(formatDateRange('2026-05-12', '2026-05-12', 'lv-LV')).toBe('2026. gada 12. maijs');
  });

  it('formats numbers with the locale separators', () => {
    expect(formatNumber(1234.5, 'en-GB')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'ru-RU')).toBe('1\u00a0234,5');
  });

  it('refuses a date that is not on the calendar', () => {
    expect(() => parseCalendarDate('2026-02-30')).toThrow(RangeError);
    expect(() => parseCalendarDate('12.05.2026')).toThrow(RangeError);
  });
});
