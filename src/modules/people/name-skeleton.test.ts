import { describe, expect, it } from 'vitest';
import { nameSkeleton, queryForms, searchKeyOf } from './name-skeleton.js';

/** True when a search for `query` finds a record known by `names`, as the repository matches it. */
function finds(query: string, ...names: string[]): boolean {
  const key = searchKeyOf(...names);
  const forms = queryForms(query);
  return forms.length > 0 && forms.every((alternatives) => alternatives.some((form) => key.includes(form)));
}

/** The same name in the spellings people actually use; every spelling must find every other. */
const SAME_NAME: string[][] = [
  ['Шукуров', 'Shukurov'],
  ['Холматов', 'Xolmatov', 'Kholmatov', 'Holmatov'],
  ['Жасур', 'Jasur', 'Zhasur'],
  ['Юлдашев', 'Yuldashev'],
  ['Oʻrinboyev', 'Ўринбоев', "O'rinboyev", 'O‘rinboyev', 'Orinboev'],
  ['Қасымов', 'Kasymov', 'Qasymov', 'Касымов', 'Kasimov'],
  ['Bērziņš', 'Берзиньш', 'Berzinsh'],
  ['Kalniņa', 'Калнина', 'Kalnina'],
  ['Ozoliņš', 'Озолиньш'],
  ['Ķēniņš', 'Кениньш'],
  ['Čakste', 'Чаксте'],
  ['Žanna', 'Жанна', 'Zhanna', 'Janna'],
  ['Ғафуров', 'Gʻafurov', 'Gafurov', 'Ghafurov'],
  ['Ҳасанов', 'Hasanov', 'Xasanov', 'Khasanov', 'Хасанов'],
  ['Шохрух', 'Shohruh', 'Shokhrukh', 'Shoxrux'],
  ['Хуршид', 'Xurshid', 'Khurshid', 'Hurshid'],
  ['Дильноза', 'Dilnoza'],
  ['Гулнора', 'Gulnora'],
  ['Айгерим', 'Aigerim', 'Aygerim'],
  ['Айнұр', 'Ainur', 'Aynur', 'Айнур'],
  ['Нұрсұлтан', 'Nursultan', 'Нурсултан', 'Nūrsūltan'],
  ['Жаңабаев', 'Zhanabayev', 'Zhangabaev', 'Janabaev'],
  ['Әлия', 'Aliya', 'Alia', 'Әлiя'],
  ['Өмірзақ', 'Omirzak', 'Ömirzaq', 'Omirzaq'],
  ['Үмбетов', 'Umbetov', 'Ümbetov'],
  ['Һидаят', 'Hidayat'],
  ['Ерлан', 'Yerlan', 'Erlan'],
  ['Евгений', 'Yevgeniy', 'Evgeny', 'Evgenii'],
  ['Дмитриев', 'Dmitriyev', 'Dmitriev'],
  ['Сергеев', 'Sergeyev', 'Sergeev'],
  ['Николай', 'Nikolay', 'Nikolai'],
  ['Наталья', 'Natalya', 'Natalia', 'Nataliya'],
  ['Цой', 'Tsoy', 'Tsoi'],
  ['Джураев', 'Djuraev', 'Dzhurayev', 'Juraev', 'Jurayev'],
  ['Щукин', 'Shchukin'],
  ['Алёна', 'Алена', 'Alena'],
  ['Анна', 'Anna', 'Ana'],
  ['Ляззат', 'Lyazzat', 'Lyazat'],
  ['Мыңбаев', 'Mynbayev', 'Myngbaev'],
  ['Нур-Султан', 'Nur-Sultan', 'Nur Sultan'],
  ['Оʻzbekiston', 'Ўзбекистон', 'Ozbekiston'],
];

/** Spellings that differ in the skeleton (Uzbek x is х, elsewhere ks) but must still find each other. */
const FOUND_BY_EACH_OTHER: string[][] = [
  ['Алексей', 'Alexey', 'Aleksey', 'Aleksei'],
  ['Александра', 'Alexandra', 'Aleksandra'],
  ['Xolmatov', 'Холматов'],
];

describe('nameSkeleton', () => {
  it.each(SAME_NAME.map((spellings) => [spellings.join(' ~ '), spellings] as const))('%s', (_label, spellings) => {
    const skeletons = new Set(spellings.map(nameSkeleton));
    expect([...skeletons]).toHaveLength(1);
  });

  it('folds case, the Uzbek apostrophes and punctuation, and keeps word order', () => {
    expect(nameSkeleton('  SHUKUROV,  Jasur  ')).toBe('shukurov jasur');
    expect(nameSkeleton('Gʻulomov Oʻtkir')).toBe('gulomov otkir');
    expect(nameSkeleton("G'ulomov O'tkir")).toBe('gulomov otkir');
    expect(nameSkeleton('Jānis Bērziņš')).toBe('janis berzinsh');
  });

  it('is empty for nothing', () => {
    expect(nameSkeleton(null)).toBe('');
    expect(nameSkeleton('')).toBe('');
    expect(nameSkeleton(' - , ')).toBe('');
  });

  it('tells different names apart', () => {
    expect(nameSkeleton('Шукуров')).not.toBe(nameSkeleton('Шакиров'));
    expect(nameSkeleton('Kasymov')).not.toBe(nameSkeleton('Kasymova'));
    expect(nameSkeleton('Berzins')).not.toBe(nameSkeleton('Bērziņš'));
  });
});

describe('search in either script', () => {
  it.each([...SAME_NAME, ...FOUND_BY_EACH_OTHER].flatMap((spellings) => spellings.flatMap((a) => spellings.filter((b) => b !== a).map((b) => [a, b] as const))))(
    '“%s” finds “%s”',
    (query, stored) => {
      expect(finds(query, stored)).toBe(true);
    },
  );

  it('finds a person by any part of the name, in any order, in either script', () => {
    const names = ['Шукуров Жасур Алишерович', 'Shukurov Jasur'];
    expect(finds('jasur', ...names)).toBe(true);
    expect(finds('Жасур Шукуров', ...names)).toBe(true);
    expect(finds('Zhasur Shuku', ...names)).toBe(true);
    expect(finds('alisherovich', ...names)).toBe(true);
    expect(finds('Шук', ...names)).toBe(true);
    expect(finds('Dmitri', 'Дмитриев')).toBe(true);
    expect(finds('Serge', 'Сергеев')).toBe(true);
  });

  it('does not find what is not there', () => {
    expect(finds('Kasymov', 'Шукуров Жасур')).toBe(false);
    expect(finds('Jasur Kasymov', 'Шукуров Жасур')).toBe(false);
    expect(finds('Bērziņš', 'Kalniņš')).toBe(false);
  });

  it('stores each word form once and ignores an empty Latin name', () => {
    expect(searchKeyOf('Шукуров Жасур', 'Shukurov Jasur')).toBe('shukurov jasur');
    expect(searchKeyOf('Alexey', null)).toBe('alehei aleksei');
    expect(searchKeyOf('Холматов', '')).toBe('holmatov');
  });

  it('splits a query into words with their alternatives and drops repeats', () => {
    expect(queryForms('Alexey  alexey Ivanov')).toEqual([['alehei', 'aleksei'], ['ivanov']]);
    expect(queryForms(' , ')).toEqual([]);
    expect(queryForms('a b c d e f g')).toHaveLength(5);
  });
});
