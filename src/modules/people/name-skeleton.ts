/**
 * A lower-case Latin "skeleton" of a name, so that the same name written in Cyrillic or in any of
 * the usual Latin spellings (Russian passport style, Uzbek Latin, Kazakh Latin, Latvian) compares
 * equal: "Холматов", "Xolmatov" and "Kholmatov" all become "holmatov".
 *
 * It is deliberately lossy. Two steps: transliterate every letter to plain Latin, then fold the
 * spelling variants that the several romanisations disagree on. The same function runs on the
 * stored names and on the query, so a fold only has to be consistent, not linguistically right.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Kazakh
  ә: 'a', ғ: 'g', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
  // Uzbek (ў is the Uzbek oʻ; қ ғ as in Kazakh)
  ў: 'o', ҳ: 'h',
  // Ukrainian and Belarusian letters that turn up in names of the region
  є: 'ye', ї: 'yi', ґ: 'g',
};

/** Latin letters whose diacritic carries a sound that other spellings write with two letters. */
const LATIN_SPECIAL: Record<string, string> = {
  š: 'sh', ş: 'sh', ș: 'sh', ž: 'zh', č: 'ch', ç: 'ch', ı: 'i', ñ: 'ng', ß: 'ss', æ: 'ae', ø: 'o', đ: 'd', ł: 'l',
};

/** Apostrophes of Uzbek Latin (oʻ, gʻ, the tutuq belgisi ʼ) and their look-alikes: dropped. */
const APOSTROPHES = /[\u02BB\u02BC\u2018\u2019\u0027\u0060\u00B4\u02B9\u02BD]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LATIN_WORD = /[^a-z0-9]+/g;
const DOUBLED = /([a-z])\1+/g;

function transliterate(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toLowerCase()) {
    out += CYRILLIC[ch] ?? LATIN_SPECIAL[ch] ?? ch;
  }
  return out
    .replace(APOSTROPHES, '')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(NOT_LATIN_WORD, ' ')
    .trim();
}

/** Folds the spellings of one transliterated word. The order matters: digraphs before single letters. */
function foldWord(word: string): string {
  return word
    .replace(/dzh|zh|dj/g, 'j')
    .replace(/kh|x/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ts/g, 'c')
    .replace(/ng/g, 'n')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(DOUBLED, '$1')
    .replace(/^ie/, 'e')
    .replace(/([aeiou])ie/g, '$1e')
    .replace(DOUBLED, '$1');
}

/**
 * The alternatives of one word: its fold and, when it has an x, the fold with x read as "ks"
 * (Alexey ~ Алексей), since Uzbek Latin reads the same letter as х.
 */
function wordForms(word: string): string[] {
  const main = foldWord(word);
  if (!word.includes('x')) return [main];
  const ks = foldWord(word.replace(/x/g, 'ks'));
  return ks === main ? [main] : [main, ks];
}

function words(text: string | null | undefined): string[] {
  if (!text) return [];
  const latin = transliterate(text);
  return latin === '' ? [] : latin.split(' ');
}

/** The skeleton of a name: its words folded, in order, separated by single spaces. */
export function nameSkeleton(text: string | null | undefined): string {
  return words(text).map(foldWord).join(' ');
}

/**
 * What is stored in `search_key`: the distinct word forms of all the names a record is known by,
 * so a query in either script finds it with a plain substring match.
 */
export function searchKeyOf(...names: Array<string | null | undefined>): string {
  const seen = new Set<string>();
  for (const name of names) for (const word of words(name)) for (const form of wordForms(word)) seen.add(form);
  return [...seen].join(' ');
}

/** At most this many words of a query are matched; the rest add nothing but cost. */
const MAX_QUERY_WORDS = 5;

/**
 * A query as a list of words, each with its alternative forms: a record matches when every word
 * occurs (in one of its forms) somewhere in its search key.
 */
export function queryForms(query: string): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const word of words(query)) {
    const forms = wordForms(word).filter((f) => f !== '');
    const key = forms.join('|');
    if (forms.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(forms);
    if (out.length === MAX_QUERY_WORDS) break;
  }
  return out;
}
