/**
 * Long dates in the languages whose calendar data some runtimes leave out: Chromium's ICU knows no
 * Uzbek or Kazakh month names and prints "2026 M11 22". A certificate's dates are checked against
 * its credential by formatting them again, on the server and in the visitor's browser, so both
 * must print them alike. These follow CLDR as Node's full ICU prints them (date-tables.test.ts).
 */

interface LongDate {
  months: readonly string[];
  format: (day: number, month: string, year: number) => string;
}

const LONG_DATES: Record<string, LongDate> = {
  uz: {
    months: ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avgust', 'sentabr', 'oktabr', 'noyabr', 'dekabr'],
    format: (day, month, year) => `${day}-${month}, ${year}`,
  },
  kk: {
    months: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
    format: (day, month, year) => `${year} ж. ${day} ${month}`,
  },
};

/** The long form of a UTC calendar date, when the locale is one of these; undefined otherwise. */
export function tableLongDate(date: Date, locale: string): string | undefined {
  const [language = '', script] = locale.split(/[-_]/);
  // Uzbek in Cyrillic or Arabic script has other month names.
  if (script && /^[A-Za-z]{4}$/.test(script) && script.toLowerCase() !== 'latn') return undefined;
  const table = LONG_DATES[language.toLowerCase()];
  return table?.format(date.getUTCDate(), table.months[date.getUTCMonth()]!, date.getUTCFullYear());
}
