import { describe, expect, it } from 'vitest';
import { testMessages } from '../../../test/app.js';
import { parseCountry } from './countries.js';
import { ImportVocabulary } from './import-columns.js';
import { parseDate } from './import-rows.js';

const vocabulary = new ImportVocabulary(testMessages());

describe('import headers', () => {
  it.each([
    ['full_name', 'fullName'],
    ['Full name', 'fullName'],
    ['FULLNAME', 'fullName'],
    ['ФИО', 'fullName'],
    ['Ф.И.О.', 'fullName'],
    ['Полное имя', 'fullName'],
    ['Toʻliq ism', 'fullName'],
    ["To'liq ism", 'fullName'],
    ['Толық аты-жөні', 'fullName'],
    ['Vārds, uzvārds', 'fullName'],
    ['Name in Latin letters', 'nameLatin'],
    ['Имя латиницей', 'nameLatin'],
    ['Дата рождения', 'birthDate'],
    ['date_of_birth', 'birthDate'],
    ['Dzimšanas datums', 'birthDate'],
    ['E-mail', 'email'],
    ['Эл. почта', 'email'],
    ['E-pasts', 'email'],
    ['Место работы', 'employer'],
    ['Organisation', 'employer'],
    ['Жұмыс орны', 'employer'],
    ['Lavozim', 'position'],
    ['Телефон', 'phone'],
    ['Nozare', 'sector'],
    ['Jinsi', 'gender'],
    ['Согласие на реестр', 'registryConsent'],
  ])('“%s” is %s', (header, field) => {
    expect(vocabulary.field(header)).toBe(field);
  });

  it('ignores columns it does not know', () => {
    expect(vocabulary.field('Shoe size')).toBeNull();
    expect(vocabulary.field('')).toBeNull();
  });
});

describe('import values', () => {
  it.each([
    ['female', 'female'], ['F', 'female'], ['Женский', 'female'], ['ж', 'female'], ['Ayol', 'female'], ['Әйел', 'female'], ['Sieviete', 'female'],
    ['male', 'male'], ['м', 'male'], ['Мужской', 'male'], ['Erkak', 'male'], ['Ер', 'male'], ['Vīrietis', 'male'],
    ['another', 'another'], ['Другой', 'another'], ['not_stated', 'not_stated'], ['Не указан', 'not_stated'], ['Koʻrsatilmagan', 'not_stated'],
  ])('gender “%s” is %s', (word, gender) => {
    expect(vocabulary.gender(word)).toBe(gender);
  });

  it.each([
    ['water_supply', 'water_supply'], ['Water supply', 'water_supply'], ['Водоснабжение', 'water_supply'], ['Suv taʼminoti', 'water_supply'],
    ["Suv ta'minoti", 'water_supply'], ['Сумен жабдықтау', 'water_supply'], ['Ūdensapgāde', 'water_supply'],
    ['Теплоснабжение', 'heat_supply'], ['Siltumapgāde', 'heat_supply'], ['Канализация', 'wastewater'], ['Energoefektivitāte', 'energy_efficiency'],
    ['Умный город', 'smart_city'], ['Aqlli shahar', 'smart_city'], ['Қалдықтарды басқару', 'waste_management'], ['Lietusūdeņi', 'rainwater'],
  ])('sector “%s” is %s', (word, sector) => {
    expect(vocabulary.sector(word)).toBe(sector);
  });

  it('reads yes and no in every language', () => {
    for (const yes of ['yes', 'Да', 'ha', 'иә', 'jā', '1', 'x', '+']) expect(vocabulary.yesNo(yes), yes).toBe(true);
    for (const no of ['no', 'Нет', 'yoʻq', 'жоқ', 'nē', '0', '-']) expect(vocabulary.yesNo(no), no).toBe(false);
    expect(vocabulary.yesNo('maybe')).toBeNull();
  });

  it('rejects words it does not know', () => {
    expect(vocabulary.gender('unknown')).toBeNull();
    expect(vocabulary.sector('space travel')).toBeNull();
  });

  it('reads dates as ISO, day first, date cells and spreadsheet serial numbers', () => {
    expect(parseDate('1986-03-14')).toBe('1986-03-14');
    expect(parseDate('1986-3-4')).toBe('1986-03-04');
    expect(parseDate('14.03.1986')).toBe('1986-03-14');
    expect(parseDate('4/3/1986')).toBe('1986-03-04');
    expect(parseDate(new Date(Date.UTC(1990, 4, 17)))).toBe('1990-05-17');
    expect(parseDate('31000')).toBe('1984-11-14');
    expect(parseDate('March 1986')).toBeNull();
  });

  it('reads countries by code or by name in any interface language', () => {
    expect(parseCountry('uz')).toBe('UZ');
    expect(parseCountry('Uzbekistan')).toBe('UZ');
    expect(parseCountry('Узбекистан')).toBe('UZ');
    expect(parseCountry('Oʻzbekiston')).toBe('UZ');
    expect(parseCountry('Қазақстан')).toBe('KZ');
    expect(parseCountry('Latvija')).toBe('LV');
    expect(parseCountry('XX')).toBeNull();
    expect(parseCountry('Atlantis')).toBeNull();
  });
});
