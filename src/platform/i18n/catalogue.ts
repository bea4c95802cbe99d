import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, type Locale } from '../../config.js';

export type Catalogue = Record<string, string>;
type Nested = { [key: string]: string | Nested };

const SRC_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** Every `messages/` folder under src/: the platform's, each module's and the web app's. */
export function messageDirs(root = SRC_DIR): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const full = path.join(dir, entry.name);
      if (entry.name === 'messages') found.push(full);
      else walk(full);
    }
  };
  walk(root);
  return found.sort();
}

function flatten(prefix: string, value: Nested, into: Catalogue): void {
  for (const [key, child] of Object.entries(value)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') into[full] = child;
    else flatten(full, child, into);
  }
}

/** Reads and flattens `<dir>/<locale>.json` for every message folder. Keys are dotted paths. */
export function readCatalogue(locale: Locale, dirs = messageDirs()): Catalogue {
  const out: Catalogue = {};
  for (const dir of dirs) {
    const file = path.join(dir, `${locale}.json`);
    if (!fs.existsSync(file)) continue;
    flatten('', JSON.parse(fs.readFileSync(file, 'utf8')) as Nested, out);
  }
  return out;
}

/** BCP 47 tags handed to Intl for each interface language. */
export const INTL_LOCALE: Record<Locale, string> = {
  en: 'en-GB',
  ru: 'ru-RU',
  uz: 'uz-Latn-UZ',
  kk: 'kk-KZ',
  lv: 'lv-LV',
};

export interface Translator {
  readonly locale: Locale;
  t(key: string, values?: Record<string, unknown>): string;
  has(key: string): boolean;
  formatDate(value: Date | string, style?: 'short' | 'medium' | 'long', timeZone?: string): string;
  formatDateTime(value: Date | string, timeZone?: string): string;
  formatNumber(value: number): string;
  formatMoney(amount: number, currency: string): string;
}

export class Messages {
  private readonly catalogues = new Map<Locale, Catalogue>();
  private readonly compiled = new Map<string, IntlMessageFormat>();
  private readonly translators = new Map<Locale, Translator>();

  constructor(dirs = messageDirs()) {
    for (const locale of LOCALES) this.catalogues.set(locale, readCatalogue(locale, dirs));
  }

  catalogue(locale: Locale): Catalogue {
    return this.catalogues.get(locale) ?? {};
  }

  format(locale: Locale, key: string, values?: Record<string, unknown>): string {
    const cacheKey = `${locale}\u0000${key}`;
    let message = this.compiled.get(cacheKey);
    if (!message) {
      const source = this.catalogue(locale)[key] ?? this.catalogue('en')[key];
      if (source === undefined) return key;
      message = new IntlMessageFormat(source, INTL_LOCALE[locale]);
      this.compiled.set(cacheKey, message);
    }
    return String(message.format(values as Record<string, string | number>));
  }

  translator(locale: Locale): Translator {
    let tr = this.translators.get(locale);
    if (tr) return tr;
    const tag = INTL_LOCALE[locale];
    const dateFormats = new Map<string, Intl.DateTimeFormat>();
    const dateFormat = (options: Intl.DateTimeFormatOptions) => {
      const key = JSON.stringify(options);
      let f = dateFormats.get(key);
      if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(tag, options)));
      return f;
    };
    const number = new Intl.NumberFormat(tag);
    tr = {
      locale,
      t: (key, values) => this.format(locale, key, values),
      has: (key) => key in this.catalogue(locale),
      formatDate: (value, style = 'medium', timeZone = 'UTC') =>
        dateFormat({ dateStyle: style, timeZone }).format(typeof value === 'string' ? new Date(value) : value),
      formatDateTime: (value, timeZone = 'UTC') =>
        dateFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
          typeof value === 'string' ? new Date(value) : value,
        ),
      formatNumber: (value) => number.format(value),
      formatMoney: (amount, currency) => new Intl.NumberFormat(tag, { style: 'currency', currency }).format(amount),
    };
    this.translators.set(locale, tr);
    return tr;
  }
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header. */
export function negotiateLocale(header: string | undefined, fallback: Locale): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return fallback;
}
