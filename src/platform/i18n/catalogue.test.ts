import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../config.js';
import { Messages, messageDirs, negotiateLocale, readCatalogue } from './catalogue.js';

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

describe('message catalogues', () => {
  const catalogues = Object.fromEntries(LOCALES.map((l) => [l, readCatalogue(l)]));
  const english = catalogues.en!;

  it('are found in every module that has messages', () => {
    expect(messageDirs().length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(english).length).toBeGreaterThan(50);
  });

  for (const locale of LOCALES) {
    it(`${locale} has exactly the keys English has`, () => {
      const keys = Object.keys(catalogues[locale]!).sort();
      expect({ locale, missing: Object.keys(english).filter((k) => !(k in catalogues[locale]!)) }).toEqual({ locale, missing: [] });
      expect({ locale, extra: keys.filter((k) => !(k in english)) }).toEqual({ locale, extra: [] });
    });

    it(`${locale} messages are valid ICU and use the same arguments as English`, () => {
      const problems: string[] = [];
      for (const [key, source] of Object.entries(catalogues[locale]!)) {
        try {
          const args = [...argumentsOf(parse(source))].sort();
          const expected = [...argumentsOf(parse(english[key] ?? ''))].sort();
          if (args.join() !== expected.join()) problems.push(`${key}: {${args.join()}} ≠ {${expected.join()}}`);
        } catch (error) {
          problems.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('formatting', () => {
  const messages = new Messages();

  it('chooses plural forms per language', () => {
    expect(messages.format('ru', 'errors.rate_limited', { seconds: 1 })).toContain('1 секунду');
    expect(messages.format('ru', 'errors.rate_limited', { seconds: 3 })).toContain('3 секунды');
    expect(messages.format('ru', 'errors.rate_limited', { seconds: 5 })).toContain('5 секунд');
    expect(messages.format('en', 'errors.rate_limited', { seconds: 1 })).toContain('1 second.');
  });

  it('formats dates, numbers and money per locale', () => {
    const date = new Date('2026-03-08T10:00:00Z');
    expect(messages.translator('ru').formatDate(date, 'long')).toBe('8 марта 2026 г.');
    expect(messages.translator('lv').formatDate(date, 'long')).toBe('2026. gada 8. marts');
    expect(messages.translator('en').formatNumber(1234567.5)).toBe('1,234,567.5');
    expect(messages.translator('ru').formatNumber(1234567.5).replace(/\s/g, ' ')).toBe('1 234 567,5');
    expect(messages.translator('en').formatMoney(1500000, 'UZS')).toMatch(/UZS\s?1,500,000\.00/);
    expect(messages.translator('kk').formatMoney(25000, 'KZT').replace(/\s/g, ' ')).toContain('25 000');
  });

  it('shows dates in the zone of the place', () => {
    const evening = new Date('2026-05-04T20:30:00Z');
    expect(messages.translator('en').formatDateTime(evening, 'Asia/Tashkent')).toContain('5 May 2026');
    expect(messages.translator('en').formatDateTime(evening, 'Europe/Riga')).toContain('4 May 2026');
  });

  it('negotiates the language from Accept-Language', () => {
    expect(negotiateLocale('de-DE,kk;q=0.8,ru;q=0.5', 'en')).toBe('kk');
    expect(negotiateLocale('uz-Latn-UZ', 'en')).toBe('uz');
    expect(negotiateLocale('fr', 'lv')).toBe('lv');
    expect(negotiateLocale(undefined, 'ru')).toBe('ru');
  });
});
