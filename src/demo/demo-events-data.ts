import type { Translated } from '../platform/i18n/translated.js';
import type { Sector } from '../modules/people/tables.js';

/** [name as written, Latin form or null, f/m] */
export type DemoName = [string, string | null, 'f' | 'm'];

/**
 * Participants added for the training weeks (the register's own demo people come too): names as
 * people of the region write them, Uzbek in Latin or Cyrillic, Kazakh in Cyrillic with the Latin form.
 */
export const PARTICIPANTS: Record<'uz' | 'kz', DemoName[]> = {
  uz: [
    ['Alimov Akmal', null, 'm'], ['Азимова Дилфуза', 'Azimova Dilfuza', 'f'], ['Boboyev Bekzod', null, 'm'], ['Hamidova Feruza', null, 'f'],
    ['Ибрагимов Дилшод', 'Ibragimov Dilshod', 'm'], ['Joʻrayeva Gulchehra', null, 'f'], ['Mahmudov Farhod', null, 'm'], ['Нематова Камола', 'Nematova Kamola', 'f'],
    ['Raximov Jahongir', null, 'm'], ['Saidova Lola', null, 'f'], ['Тожиев Жавлон', 'Tojiyev Javlon', 'm'], ['Umarova Madina', null, 'f'],
    ['Valiyev Nodir', null, 'm'], ['Xudoyberdiyeva Nargiza', null, 'f'], ['Зокиров Равшан', 'Zokirov Ravshan', 'm'], ['Alimova Nodira', null, 'f'],
    ['Azimov Rustam', null, 'm'], ['Бобоева Севара', 'Boboyeva Sevara', 'f'], ['Hamidov Sanjar', null, 'm'], ['Ibragimova Shahlo', null, 'f'],
    ['Жўраев Шавкат', 'Joʻrayev Shavkat', 'm'], ['Mahmudova Umida', null, 'f'], ['Nematov Timur', null, 'm'], ['Рахимова Зарина', 'Raximova Zarina', 'f'],
    ['Saidov Ulugʻbek', null, 'm'], ['Tojiyeva Oʻgʻiloy', null, 'f'], ['Умаров Зафар', 'Umarov Zafar', 'm'], ['Valiyeva Dilfuza', null, 'f'],
    ['Xudoyberdiyev Otabek', null, 'm'], ['Zokirova Feruza', null, 'f'], ['Алимов Бекзод', 'Alimov Bekzod', 'm'], ['Azimova Gulchehra', null, 'f'],
    ['Boboyev Dilshod', null, 'm'], ['Ҳамидова Камола', 'Hamidova Kamola', 'f'], ['Ibragimov Farhod', null, 'm'], ['Joʻrayeva Lola', null, 'f'],
    ['Mahmudov Jahongir', null, 'm'], ['Nematova Madina', null, 'f'], ['Раҳимов Нодир', 'Rahimov Nodir', 'm'], ['Saidova Nargiza', null, 'f'],
    ['Tojiyev Ravshan', null, 'm'], ['Umarova Nodira', null, 'f'], ['Валиев Рустам', 'Valiyev Rustam', 'm'], ['Xudoyberdiyeva Sevara', null, 'f'],
    ['Zokirov Sanjar', null, 'm'], ['Alimova Shahlo', null, 'f'], ['Azimov Shavkat', null, 'm'], ['Бобоева Умида', 'Boboyeva Umida', 'f'],
  ],
  kz: [
    ['Әбенов Айдар', 'Abenov Aidar', 'm'], ['Байжанова Айгерім', 'Baizhanova Aigerim', 'f'], ['Досмұхамедов Асхат', 'Dosmukhamedov Askhat', 'm'],
    ['Жұмабаева Аружан', 'Zhumabayeva Aruzhan', 'f'], ['Кенжебаев Бекзат', 'Kenzhebayev Bekzat', 'm'], ['Мусина Гүлнұр', 'Mussina Gulnur', 'f'],
    ['Нұрғалиев Дархан', 'Nurgaliyev Darkhan', 'm'], ['Сарсенбаева Жанар', 'Sarsenbayeva Zhanar', 'f'], ['Төлеуов Ерлан', 'Toleuov Yerlan', 'm'],
    ['Шәріпова Қарлығаш', 'Sharipova Karlygash', 'f'], ['Әбенова Мадина', 'Abenova Madina', 'f'], ['Байжанов Жандос', 'Baizhanov Zhandos', 'm'],
    ['Досмұхамедова Сәуле', 'Dosmukhamedova Saule', 'f'], ['Жұмабаев Нұрсұлтан', 'Zhumabayev Nursultan', 'm'], ['Кенжебаева Әсел', 'Kenzhebayeva Assel', 'f'],
    ['Мусин Серік', 'Mussin Serik', 'm'], ['Нұрғалиева Айгерім', 'Nurgaliyeva Aigerim', 'f'], ['Сарсенбаев Талғат', 'Sarsenbayev Talgat', 'm'],
    ['Төлеуова Аружан', 'Toleuova Aruzhan', 'f'], ['Шәріпов Ержан', 'Sharipov Yerzhan', 'm'], ['Иванова Екатерина', 'Ivanova Yekaterina', 'f'],
    ['Ли Андрей', 'Li Andrey', 'm'], ['Әбенов Дархан', 'Abenov Darkhan', 'm'], ['Байжанова Гүлнұр', 'Baizhanova Gulnur', 'f'],
    ['Досмұхамедов Ерлан', 'Dosmukhamedov Yerlan', 'm'], ['Жұмабаева Жанар', 'Zhumabayeva Zhanar', 'f'], ['Кенжебаев Жандос', 'Kenzhebayev Zhandos', 'm'],
    ['Мусина Қарлығаш', 'Mussina Karlygash', 'f'], ['Нұрғалиев Нұрсұлтан', 'Nurgaliyev Nursultan', 'm'], ['Сарсенбаева Мадина', 'Sarsenbayeva Madina', 'f'],
    ['Төлеуов Серік', 'Toleuov Serik', 'm'], ['Шәріпова Сәуле', 'Sharipova Saule', 'f'], ['Әбенов Талғат', 'Abenov Talgat', 'm'],
    ['Байжанова Әсел', 'Baizhanova Assel', 'f'], ['Досмұхамедов Айдар', 'Dosmukhamedov Aidar', 'm'], ['Жұмабаева Айгерім', 'Zhumabayeva Aigerim', 'f'],
    ['Кенжебаев Асхат', 'Kenzhebayev Askhat', 'm'], ['Мусина Аружан', 'Mussina Aruzhan', 'f'], ['Нұрғалиев Бекзат', 'Nurgaliyev Bekzat', 'm'],
    ['Сарсенбаева Гүлнұр', 'Sarsenbayeva Gulnur', 'f'], ['Төлеуов Дархан', 'Toleuov Darkhan', 'm'], ['Шәріпова Жанар', 'Sharipova Zhanar', 'f'],
    ['Петренко Ольга', 'Petrenko Olga', 'f'], ['Ким Денис', 'Kim Denis', 'm'], ['Әбенова Қарлығаш', 'Abenova Karlygash', 'f'],
    ['Байжанов Ерлан', 'Baizhanov Yerlan', 'm'], ['Досмұхамедова Мадина', 'Dosmukhamedova Madina', 'f'], ['Жұмабаев Жандос', 'Zhumabayev Zhandos', 'm'],
    ['Кенжебаева Сәуле', 'Kenzhebayeva Saule', 'f'], ['Мусин Нұрсұлтан', 'Mussin Nursultan', 'm'], ['Нұрғалиева Әсел', 'Nurgaliyeva Assel', 'f'],
    ['Сарсенбаев Серік', 'Sarsenbayev Serik', 'm'], ['Төлеуова Айгерім', 'Toleuova Aigerim', 'f'], ['Шәріпов Талғат', 'Sharipov Talgat', 'm'],
  ],
};

/** Employers the participants name (matched to the register's organisations by name, or added). */
export const EMPLOYERS: Record<'uz' | 'kz', string[]> = {
  uz: ['Toshkent shahar suv taʼminoti', '«Ўзсувтаъминот» АЖ', 'Suvloyiha MChJ', 'Samarqand Muhandislik Konsalting', 'Toshkent irrigatsiya va qishloq xoʻjaligini mexanizatsiyalash muhandislari instituti', 'Buxoro suvoqova'],
  kz: ['Шымкентский водоканал', 'Алматы Су', 'Астана Су Арнасы', 'ТОО «Казгипроводхоз»', 'Казахский национальный аграрный исследовательский университет', 'Түркістан су арнасы'],
};

export const SECTORS_OF: Record<'rainwater' | 'wastewater', Sector[]> = {
  rainwater: ['rainwater', 'water_supply', 'smart_city', 'rainwater'],
  wastewater: ['wastewater', 'wastewater', 'water_supply', 'waste_management'],
};

/** Trainers from European partners and local experts, each as a person of the association that runs the session. */
export const TRAINERS: Record<'uz' | 'kz', Array<{ name: DemoName; email: string; role: string; course: 'rainwater' | 'wastewater' | 'both' }>> = {
  uz: [
    { name: ['Katrin Vogel', null, 'f'], email: 'katrin.vogel@tu-dresden.example.de', role: 'lead trainer', course: 'rainwater' },
    { name: ['Jānis Ozoliņš', null, 'm'], email: 'janis.ozolins@rtu.example.lv', role: 'lead trainer', course: 'wastewater' },
    { name: ['Тошпулатова Гулнора', 'Toshpulatova Gulnora', 'f'], email: 'g.toshpulatova@tiiame.example.uz', role: 'trainer', course: 'both' },
  ],
  kz: [
    { name: ['Katrin Vogel', null, 'f'], email: 'katrin.vogel@tu-dresden.example.de', role: 'lead trainer', course: 'rainwater' },
    { name: ['Jānis Ozoliņš', null, 'm'], email: 'janis.ozolins@rtu.example.lv', role: 'lead trainer', course: 'wastewater' },
    { name: ['Омарова Гульнар', 'Omarova Gulnar', 'f'], email: 'g.omarova@knau.example.kz', role: 'trainer', course: 'both' },
  ],
};

export interface DemoEvent {
  key: string;
  association: 'uz' | 'kz';
  title: Translated;
  description: Translated;
  city: string;
  country: string;
  timeZone: string;
  /** Days from today to the Monday the week starts. */
  startsInDays: number;
  guests: Array<{ name: string; title: string }>;
  venue: string;
  sessions: Array<{
    course: 'rainwater' | 'wastewater';
    /** Day offsets from the week's Monday, with the daily times. */
    days: Array<[number, string, string]>;
    language: string;
    capacity: number;
    registered: number;
    /** null: free. */
    price: { amount: number; currency: string } | null;
    /** Every n-th paying registrant pays by invoice; the others are sponsored by the project. */
    invoiceEvery: number;
  }>;
}

type CityNames = Record<'en' | 'ru' | 'uz' | 'kk' | 'lv', string>;

const week = (city: CityNames): Translated => ({
  en: `ENGINE WEEK ${city.en}`,
  ru: `Неделя ENGINE — ${city.ru}`,
  uz: `ENGINE haftaligi — ${city.uz}`,
  kk: `ENGINE апталығы — ${city.kk}`,
  lv: `ENGINE nedēļa — ${city.lv}`,
});

const CITIES: Record<'tashkent' | 'shymkent' | 'nursultan', CityNames> = {
  tashkent: { en: 'Tashkent', ru: 'Ташкент', uz: 'Toshkent', kk: 'Ташкент', lv: 'Taškenta' },
  shymkent: { en: 'Shymkent', ru: 'Шымкент', uz: 'Chimkent', kk: 'Шымкент', lv: 'Šimkenta' },
  nursultan: { en: 'Nur-Sultan', ru: 'Нур-Султан', uz: 'Nur-Sulton', kk: 'Нұр-Сұлтан', lv: 'Nursultana' },
};

const description = (city: keyof typeof CITIES): Translated => ({
  en: `A week of training for water engineers in ${CITIES[city].en}, under the EU-funded ENGINE project: green solutions for rainwater, and industrial wastewater.`,
  ru: `Неделя обучения инженеров водного хозяйства в городе ${CITIES[city].ru} в рамках проекта ENGINE, финансируемого ЕС: зелёные решения для дождевых вод и промышленные сточные воды.`,
  uz: `${CITIES[city].uz}da suv xoʻjaligi muhandislari uchun oʻquv haftaligi, YeI tomonidan moliyalashtiriladigan ENGINE loyihasi doirasida: yomgʻir suvlari uchun yashil yechimlar va sanoat oqova suvlari.`,
  kk: `${CITIES[city].kk} қаласында су шаруашылығы инженерлеріне арналған оқу аптасы, ЕО қаржыландыратын ENGINE жобасы аясында: жаңбыр суына арналған жасыл шешімдер және өнеркәсіптік ағынды сулар.`,
  lv: `Mācību nedēļa ūdenssaimniecības inženieriem (${CITIES[city].lv}), ES finansētā projekta ENGINE ietvaros: zaļie risinājumi lietusūdeņiem un rūpnieciskie notekūdeņi.`,
});

export const DEMO_EVENTS: DemoEvent[] = [
  {
    key: 'tashkent',
    association: 'uz',
    title: week(CITIES.tashkent),
    description: description('tashkent'),
    city: 'Toshkent',
    country: 'UZ',
    timeZone: 'Asia/Tashkent',
    startsInDays: -56,
    venue: 'TIQXMMI, Qori Niyoziy koʻchasi 39, 2-bino',
    guests: [
      { name: 'Bahrom Xolmatov', title: 'Qurilish va uy-joy kommunal xoʻjaligi vaziri oʻrinbosari' },
      { name: 'Charlotte Adriaen', title: 'Head of Cooperation, Delegation of the European Union to Uzbekistan' },
    ],
    sessions: [
      { course: 'rainwater', days: [[0, '09:00', '17:00'], [1, '09:00', '17:00'], [2, '09:00', '13:00']], language: 'uz', capacity: 40, registered: 36, price: { amount: 1500000, currency: 'UZS' }, invoiceEvery: 3 },
      { course: 'wastewater', days: [[2, '14:00', '18:00'], [3, '09:00', '17:00'], [4, '09:00', '17:00']], language: 'ru', capacity: 30, registered: 30, price: { amount: 1200000, currency: 'UZS' }, invoiceEvery: 4 },
    ],
  },
  {
    key: 'shymkent',
    association: 'kz',
    title: week(CITIES.shymkent),
    description: description('shymkent'),
    city: 'Шымкент',
    country: 'KZ',
    timeZone: 'Asia/Almaty',
    startsInDays: -21,
    venue: 'Оңтүстік Қазақстан университеті, Тәуке хан даңғылы 5',
    guests: [{ name: 'Ерлан Жұмабеков', title: 'Шымкент қаласы әкімінің орынбасары' }],
    sessions: [
      { course: 'rainwater', days: [[0, '09:00', '17:00'], [1, '09:00', '17:00']], language: 'ru', capacity: 30, registered: 26, price: null, invoiceEvery: 0 },
      { course: 'wastewater', days: [[2, '09:00', '17:00'], [3, '09:00', '17:00'], [4, '09:00', '12:00']], language: 'kk', capacity: 35, registered: 31, price: { amount: 60000, currency: 'KZT' }, invoiceEvery: 5 },
    ],
  },
  {
    key: 'nursultan',
    association: 'kz',
    title: week(CITIES.nursultan),
    description: description('nursultan'),
    city: 'Нұр-Сұлтан',
    country: 'KZ',
    timeZone: 'Asia/Almaty',
    startsInDays: 35,
    venue: 'Astana Hub, Мәңгілік Ел даңғылы 55/8',
    guests: [{ name: 'Айдос Сәрсенов', title: 'Су ресурстары және ирригация вице-министрі' }],
    sessions: [
      { course: 'rainwater', days: [[0, '10:00', '17:30'], [1, '10:00', '17:30']], language: 'ru', capacity: 40, registered: 22, price: null, invoiceEvery: 0 },
      { course: 'wastewater', days: [[2, '09:30', '17:00'], [3, '09:30', '17:00']], language: 'kk', capacity: 20, registered: 23, price: { amount: 75000, currency: 'KZT' }, invoiceEvery: 2 },
    ],
  },
];
