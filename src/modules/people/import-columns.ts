import { LOCALES } from '../../config.js';
import type { Messages } from '../../platform/i18n/catalogue.js';
import { nameSkeleton } from './name-skeleton.js';
import { GENDERS, SECTORS, type Gender, type Sector } from './tables.js';

/** The person fields an import file may carry; `employer` is an organisation's name. */
export const IMPORT_FIELDS = [
  'fullName',
  'nameLatin',
  'gender',
  'birthDate',
  'country',
  'city',
  'sector',
  'employer',
  'position',
  'email',
  'phone',
  'registryConsent',
  'emailConsent',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Header spellings beyond the field's code and its label in each interface language (which come
 * from the catalogues): the usual ways spreadsheets of the region name these columns.
 */
const HEADER_ALIASES: Record<ImportField, string[]> = {
  fullName: ['name', 'full name', 'ФИО', 'Ф.И.О.', 'Полное имя', 'Фамилия Имя Отчество', 'Имя', 'F.I.Sh.', 'FISh', 'Familiya ism', 'Ism familiya', 'Аты-жөні', 'Толық аты-жөні', 'Vārds, uzvārds', 'Vārds uzvārds', 'Pilns vārds'],
  nameLatin: ['latin name', 'name (latin)', 'ФИО латиницей', 'Имя латиницей', 'Lotin yozuvida', 'Латынша', 'Vārds latīņu burtiem'],
  gender: ['sex', 'Пол', 'Jinsi', 'Jins', 'Жынысы', 'Dzimums'],
  birthDate: ['date of birth', 'dob', 'birthday', 'Дата рождения', 'Tugʻilgan sana', 'Tugilgan kun', 'Туған күні', 'Туылған күні', 'Dzimšanas datums'],
  country: ['Страна', 'Mamlakat', 'Davlat', 'Ел', 'Мемлекет', 'Valsts'],
  city: ['town', 'Город', 'Shahar', 'Қала', 'Pilsēta'],
  sector: ['Отрасль', 'Сектор', 'Soha', 'Сала', 'Nozare'],
  employer: ['employer', 'organisation', 'organization', 'company', 'workplace', 'Организация', 'Работодатель', 'Место работы', 'Tashkilot', 'Ish joyi', 'Ұйым', 'Жұмыс орны', 'Organizācija', 'Darba devējs', 'Darbavieta'],
  position: ['job title', 'title', 'role', 'Должность', 'Lavozim', 'Лауазымы', 'Қызметі', 'Amats'],
  email: ['e-mail', 'mail', 'e-mail address', 'Электронная почта', 'Эл. почта', 'Почта', 'Elektron pochta', 'Электрондық пошта', 'E-pasts'],
  phone: ['telephone', 'mobile', 'phone number', 'Телефон', 'Telefon', 'Tālrunis', 'Telefons'],
  registryConsent: ['registry consent', 'public registry', 'Согласие на реестр', 'Reyestrga rozilik', 'Тізілімге келісім', 'Piekrīt reģistram'],
  emailConsent: ['email consent', 'newsletter', 'Согласие на рассылку', 'Xat olishga rozilik', 'Хат алуға келісім', 'Piekrīt e-pastiem'],
};

const GENDER_WORDS: Record<Gender, string[]> = {
  female: ['f', 'woman', 'ж', 'жен', 'женщина', 'ayol', 'xotin-qiz', 'әйел', 'sieviete', 's'],
  male: ['m', 'man', 'м', 'муж', 'мужчина', 'erkak', 'ер', 'ерлер', 'vīrietis', 'v'],
  another: ['other', 'другой', 'boshqa', 'басқа', 'cits'],
  not_stated: ['n/a', 'не указан', 'не указано', 'koʻrsatilmagan', 'көрсетілмеген', 'nav norādīts'],
};

const SECTOR_WORDS: Record<Sector, string[]> = {
  water_supply: ['water', 'Водоснабжение', 'Suv taʼminoti', 'Сумен жабдықтау', 'Ūdensapgāde'],
  wastewater: ['sewerage', 'sanitation', 'Водоотведение', 'Канализация', 'Oqova suvlar', 'Kanalizatsiya', 'Су бұру', 'Кәріз', 'Notekūdeņi'],
  rainwater: ['stormwater', 'Ливневые воды', 'Ливневая канализация', 'Yomgʻir suvlari', 'Жаңбыр суы', 'Нөсер суы', 'Lietusūdeņi', 'Lietus ūdens'],
  heat_supply: ['district heating', 'heating', 'Теплоснабжение', 'Issiqlik taʼminoti', 'Жылумен жабдықтау', 'Siltumapgāde'],
  waste_management: ['waste', 'Обращение с отходами', 'Отходы', 'Chiqindilarni boshqarish', 'Қалдықтарды басқару', 'Atkritumu apsaimniekošana'],
  energy_efficiency: ['energy', 'Энергоэффективность', 'Energiya samaradorligi', 'Энергия тиімділігі', 'Energoefektivitāte'],
  smart_city: ['smart cities', 'Умный город', 'Aqlli shahar', 'Ақылды қала', 'Viedā pilsēta'],
  other: ['Другое', 'Boshqa', 'Басқа', 'Cits'],
};

const YES = ['yes', 'y', 'true', '1', 'x', 'да', 'д', 'ha', 'иә', 'ия', 'jā', 'ja'];
const NO = ['no', 'n', 'false', '0', 'нет', 'н', 'yoʻq', 'жоқ', 'nē', 'ne'];

/** Headers and values compare by skeleton without spaces: case, script, punctuation and apostrophes do not matter. */
const compact = (text: string) => nameSkeleton(text).replace(/ /g, '');

function snakeCase(code: string): string {
  return code.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Lookups from what a file may say to what it means, built once from the catalogues. */
export class ImportVocabulary {
  private readonly headers = new Map<string, ImportField>();
  private readonly genders = new Map<string, Gender>();
  private readonly sectors = new Map<string, Sector>();
  private readonly consent = new Map<string, boolean>();

  constructor(messages: Messages) {
    const labels = (key: string) => LOCALES.map((locale) => messages.catalogue(locale)[key]).filter((l): l is string => !!l);
    for (const field of IMPORT_FIELDS) {
      for (const name of [field, snakeCase(field), ...labels(`fields.${field}`), ...HEADER_ALIASES[field]]) {
        this.headers.set(compact(name), field);
      }
    }
    for (const gender of GENDERS) {
      for (const word of [gender, ...labels(`people.gender.${gender}`), ...GENDER_WORDS[gender]]) this.genders.set(compact(word), gender);
    }
    for (const sector of SECTORS) {
      for (const word of [sector, ...labels(`people.sector.${sector}`), ...SECTOR_WORDS[sector]]) this.sectors.set(compact(word), sector);
    }
    for (const word of YES) this.consent.set(compact(word), true);
    for (const word of NO) this.consent.set(compact(word), false);
  }

  field(header: string): ImportField | null {
    return this.headers.get(compact(header)) ?? null;
  }

  gender(value: string): Gender | null {
    return this.genders.get(compact(value)) ?? null;
  }

  sector(value: string): Sector | null {
    return this.sectors.get(compact(value)) ?? null;
  }

  /** true or false; null when the word is not understood. */
  yesNo(value: string): boolean | null {
    const mark = value.trim();
    if (mark === '+') return true;
    if (mark === '-') return false;
    return this.consent.get(compact(value)) ?? null;
  }
}
