import type { Locale } from '../config.js';
import type { Requirement } from '../modules/certification/requirements.js';
import type { ApplicationStatus, ReasonCategory, SchemeStatus } from '../modules/certification/tables.js';
import type { Translated } from '../platform/i18n/translated.js';
import type { DemoCourse } from './demo-catalogue-data.js';

export type DemoSchemeKey = 'uz' | 'kz';
type CourseIds = ReadonlyMap<DemoCourse['key'], string>;

export interface DemoCertificatePlan {
  issuedDaysAgo: number;
  status: 'active' | 'suspended' | 'revoked' | 'expired';
  category?: ReasonCategory;
  reason?: string;
  /** Renewed this many days ago: the first certificate ran out, a new one replaces it. */
  renewedDaysAgo?: number;
}

export interface DemoApplicant {
  /** The person of the register, found by e-mail. */
  email: string;
  locale: Locale;
  /** 0: the first level, 1: the second. */
  level: 0 | 1;
  status: ApplicationStatus;
  experienceYears: number;
  examScore: number;
  statement?: string;
  certificate?: DemoCertificatePlan;
}

export interface DemoScheme {
  timeZone: string;
  examName: string;
  values: {
    name: Translated;
    description: Translated;
    numberPrefix: string;
    validityYears: number;
    renewalCpdCredits: number;
    feeAmount: number | null;
    feeCurrency: string | null;
    certificateLocales: string[];
    status: SchemeStatus;
  };
  levels: Array<{ name: Translated; requirements: (courses: CourseIds) => Requirement[] }>;
  notes: Partial<Record<ApplicationStatus, string>>;
  applicants: DemoApplicant[];
}

const pilotCourses = (courses: CourseIds, ...keys: Array<DemoCourse['key']>): Requirement[] => {
  const ids = keys.map((k) => courses.get(k)).filter((id): id is string => id !== undefined);
  return ids.length > 0 ? [{ id: `courses-${keys.join('-')}`, kind: 'courses', courseIds: ids }] : [];
};

export const DEMO_SCHEMES: Record<DemoSchemeKey, DemoScheme> = {
  uz: {
    timeZone: 'Asia/Tashkent',
    examName: 'Yozma imtihon',
    values: {
      name: {
        uz: 'Maslahatchi muhandislarni milliy sertifikatlash',
        ru: 'Национальная сертификация инженеров-консультантов',
        en: 'National certification of consulting engineers',
      },
      description: {
        uz: 'ENGINE loyihasi doirasida sinovdan oʻtkazilgan milliy sxema: kurslar, UKR ballari, imtihon va ish staji.',
        ru: 'Национальная схема, опробованная в проекте ENGINE: курсы, баллы НПР, экзамен и стаж.',
        en: 'The national scheme piloted under the ENGINE project: courses, CPD credits, an exam and experience.',
      },
      numberPrefix: 'UZ-ENG',
      validityYears: 3,
      renewalCpdCredits: 6,
      feeAmount: 500000,
      feeCurrency: 'UZS',
      certificateLocales: ['uz', 'en'],
      status: 'open',
    },
    levels: [
      {
        name: { uz: 'Muhandis', ru: 'Инженер', en: 'Engineer' },
        requirements: (courses) => [
          ...pilotCourses(courses, 'rainwater'),
          { id: 'cpd-engineer', kind: 'cpd_credits', credits: 3, windowYears: 3 },
          { id: 'exam-engineer', kind: 'exam', examName: 'Yozma imtihon' },
          { id: 'experience-engineer', kind: 'experience', years: 3 },
          { id: 'diploma', kind: 'document', documentType: 'diploma' },
          { id: 'cv', kind: 'document', documentType: 'cv' },
        ],
      },
      {
        name: { uz: 'Yetakchi muhandis', ru: 'Ведущий инженер', en: 'Lead Engineer' },
        requirements: (courses) => [
          ...pilotCourses(courses, 'rainwater', 'wastewater'),
          { id: 'cpd-lead', kind: 'cpd_credits', credits: 6, windowYears: 3 },
          { id: 'exam-lead', kind: 'exam', examName: 'Yozma imtihon' },
          { id: 'experience-lead', kind: 'experience', years: 10 },
          { id: 'diploma', kind: 'document', documentType: 'diploma' },
          { id: 'employer-letter', kind: 'document', documentType: 'employer_letter' },
        ],
      },
    ],
    notes: {
      needs_info: 'Iltimos, ish beruvchining xatini yuklang: unda lavozimingiz va ish stajingiz koʻrsatilsin.',
      approved: 'Barcha talablar bajarilgan.',
      rejected: 'Yozma imtihon topshirilmagan. Keyingi sessiyadan soʻng qayta ariza bering.',
    },
    applicants: [
      { email: 'j.shukurov@tss.example.uz', locale: 'uz', level: 0, status: 'approved', experienceYears: 18, examScore: 88, certificate: { issuedDaysAgo: 400, status: 'active' } },
      { email: 'd.rahimova@suvloyiha.example.uz', locale: 'ru', level: 0, status: 'approved', experienceYears: 9, examScore: 92, certificate: { issuedDaysAgo: 120, status: 'active' } },
      { email: 'g.toshpulatova@tiiame.example.uz', locale: 'uz', level: 1, status: 'approved', experienceYears: 25, examScore: 95, certificate: { issuedDaysAgo: 200, status: 'active' } },
      {
        email: 'f.mirzayev@example.uz',
        locale: 'ru',
        level: 0,
        status: 'approved',
        experienceYears: 8,
        examScore: 71,
        certificate: { issuedDaysAgo: 300, status: 'suspended', category: 'misconduct', reason: 'Buyurtmachining shikoyati koʻrib chiqilmoqda.' },
      },
      {
        email: 'd.gafurov@min.example.uz',
        locale: 'uz',
        level: 0,
        status: 'approved',
        experienceYears: 6,
        examScore: 64,
        certificate: { issuedDaysAgo: 500, status: 'revoked', category: 'false_information', reason: 'Taqdim etilgan diplom haqiqiy emasligi aniqlandi.' },
      },
      { email: 's.xasanova@tss.example.uz', locale: 'uz', level: 0, status: 'approved', experienceYears: 7, examScore: 77, certificate: { issuedDaysAgo: 1300, status: 'expired' } },
      { email: 'k.aliyeva@suvloyiha.example.uz', locale: 'uz', level: 0, status: 'approved', experienceYears: 11, examScore: 83, certificate: { issuedDaysAgo: 1135, status: 'active', renewedDaysAgo: 20 } },
      { email: 'b.yuldashev@sameng.example.uz', locale: 'ru', level: 1, status: 'approved', experienceYears: 22, examScore: 90, statement: 'Bosh muhandis, 22 yillik tajriba.' },
      { email: 'n.xolmatova@suvloyiha.example.uz', locale: 'uz', level: 0, status: 'submitted', experienceYears: 5, examScore: 74 },
      { email: 'malika.ismoilova@example.uz', locale: 'uz', level: 0, status: 'in_review', experienceYears: 4, examScore: 69 },
      { email: 'otabek.karimov@example.uz', locale: 'uz', level: 1, status: 'needs_info', experienceYears: 12, examScore: 81 },
      { email: 'm.sobirova@tss.example.uz', locale: 'uz', level: 0, status: 'draft', experienceYears: 3, examScore: 0 },
      { email: 'd.yusupova@tiiame.example.uz', locale: 'uz', level: 0, status: 'rejected', experienceYears: 3, examScore: 48 },
    ],
  },
  kz: {
    timeZone: 'Asia/Almaty',
    examName: 'Жазбаша емтихан',
    values: {
      name: {
        kk: 'Сумен жабдықтау инженерлерін сертификаттау',
        ru: 'Сертификация инженеров водоснабжения',
        en: 'Certification of water supply engineers',
      },
      description: {
        kk: 'Сумен жабдықтау және су бұру саласындағы инженерлерге арналған пилоттық схема.',
        ru: 'Пилотная схема для инженеров водоснабжения и водоотведения.',
        en: 'The pilot scheme for water supply and sanitation engineers.',
      },
      numberPrefix: 'KZ-WS',
      validityYears: 5,
      renewalCpdCredits: 10,
      feeAmount: 25000,
      feeCurrency: 'KZT',
      certificateLocales: ['kk', 'en'],
      status: 'open',
    },
    levels: [
      {
        name: { kk: 'Сумен жабдықтау инженері', ru: 'Инженер водоснабжения', en: 'Water supply engineer' },
        requirements: (courses) => [
          ...pilotCourses(courses, 'wastewater'),
          { id: 'exam-ws', kind: 'exam', examName: 'Жазбаша емтихан' },
          { id: 'experience-ws', kind: 'experience', years: 3 },
          { id: 'diploma', kind: 'document', documentType: 'diploma' },
        ],
      },
      {
        name: { kk: 'Жетекші сумен жабдықтау инженері', ru: 'Ведущий инженер водоснабжения', en: 'Lead water supply engineer' },
        requirements: () => [
          { id: 'cpd-ws-lead', kind: 'cpd_credits', credits: 6, windowYears: 5 },
          { id: 'exam-ws-lead', kind: 'exam', examName: 'Жазбаша емтихан' },
          { id: 'experience-ws-lead', kind: 'experience', years: 8 },
          { id: 'employer-letter', kind: 'document', documentType: 'employer_letter' },
        ],
      },
    ],
    notes: {
      needs_info: 'Жұмыс берушіңіздің хатын жүктеңіз.',
      approved: 'Барлық талаптар орындалды.',
      rejected: 'Жұмыс өтілі жеткіліксіз.',
    },
    applicants: [
      { email: 'y.kassymov@vodokanal.example.kz', locale: 'kk', level: 1, status: 'approved', experienceYears: 20, examScore: 91, certificate: { issuedDaysAgo: 250, status: 'active' } },
      { email: 'a.nurlanova@almatysu.example.kz', locale: 'ru', level: 0, status: 'approved', experienceYears: 6, examScore: 85, certificate: { issuedDaysAgo: 90, status: 'active' } },
      {
        email: 'd.ibrayev@kgvh.example.kz',
        locale: 'ru',
        level: 0,
        status: 'approved',
        experienceYears: 10,
        examScore: 73,
        certificate: { issuedDaysAgo: 600, status: 'suspended', category: 'holder_request', reason: 'Шетелде ұзақ іссапарда.' },
      },
      {
        email: 'g.omarova@knau.example.kz',
        locale: 'kk',
        level: 0,
        status: 'approved',
        experienceYears: 30,
        examScore: 79,
        certificate: { issuedDaysAgo: 700, status: 'revoked', category: 'administrative_error', reason: 'Сертификат қате деңгейге берілді.' },
      },
      { email: 'm.tulegenov@kgvh.example.kz', locale: 'en', level: 0, status: 'approved', experienceYears: 14, examScore: 80, certificate: { issuedDaysAgo: 1900, status: 'expired' } },
      { email: 'assel.suleimenova@example.kz', locale: 'kk', level: 0, status: 'submitted', experienceYears: 3, examScore: 70 },
      { email: 'zh.issayeva@vodokanal.example.kz', locale: 'kk', level: 0, status: 'in_review', experienceYears: 4, examScore: 76 },
      { email: 'v.kim@kgvh.example.kz', locale: 'ru', level: 1, status: 'needs_info', experienceYears: 9, examScore: 84 },
      { email: 'ainur.bekova@example.kz', locale: 'kk', level: 0, status: 'draft', experienceYears: 2, examScore: 0 },
    ],
  },
};
