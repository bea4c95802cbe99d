import type { Tx } from '../db/client.js';
import { searchKeyOf } from '../modules/people/name-skeleton.js';
import { personValues } from '../modules/people/person-values.js';
import { insertPerson } from '../modules/people/repository.js';
import { insertOrganisation } from '../modules/people/organisations-repository.js';
import type { OrganisationKind, Sector } from '../modules/people/tables.js';

type AssociationKey = 'uz' | 'kz' | 'lv';

interface DemoOrganisation {
  key: string;
  name: string;
  nameLatin?: string;
  kind: OrganisationKind;
  city: string;
  website?: string;
}

/** [full name, Latin form, f/m, birth date, city, sector, employer key, position, e-mail, listed in the registry] */
type DemoPerson = [string, string | null, 'f' | 'm', string | null, string, Sector, string | null, string, string | null, boolean];

const COUNTRY: Record<AssociationKey, string> = { uz: 'UZ', kz: 'KZ', lv: 'LV' };

const ORGANISATIONS: Record<AssociationKey, DemoOrganisation[]> = {
  uz: [
    { key: 'tss', name: 'Toshkent shahar suv taʼminoti', nameLatin: 'Tashkent City Water Supply', kind: 'utility', city: 'Tashkent' },
    { key: 'uzsuv', name: '«Ўзсувтаъминот» АЖ', nameLatin: 'Uzsuvtaminot JSC', kind: 'utility', city: 'Tashkent', website: 'https://uzsuv.uz' },
    { key: 'min', name: 'Qurilish va uy-joy kommunal xoʻjaligi vazirligi', nameLatin: 'Ministry of Construction and Housing and Communal Services', kind: 'ministry', city: 'Tashkent' },
    { key: 'tiiame', name: 'Toshkent irrigatsiya va qishloq xoʻjaligini mexanizatsiyalash muhandislari instituti', nameLatin: 'Tashkent Institute of Irrigation and Agricultural Mechanization Engineers', kind: 'university', city: 'Tashkent' },
    { key: 'suvloyiha', name: 'Suvloyiha MChJ', nameLatin: 'Suvloyiha LLC', kind: 'company', city: 'Tashkent' },
    { key: 'sameng', name: 'Samarqand Muhandislik Konsalting', nameLatin: 'Samarkand Engineering Consulting', kind: 'company', city: 'Samarkand' },
  ],
  kz: [
    { key: 'shym', name: 'Шымкентский водоканал', nameLatin: 'Shymkent Vodokanal', kind: 'utility', city: 'Shymkent' },
    { key: 'almsu', name: 'Алматы Су', nameLatin: 'Almaty Su', kind: 'utility', city: 'Almaty' },
    { key: 'astsu', name: 'Астана Су Арнасы', nameLatin: 'Astana Su Arnasy', kind: 'utility', city: 'Astana' },
    { key: 'min', name: 'Министерство водных ресурсов и ирригации Республики Казахстан', nameLatin: 'Ministry of Water Resources and Irrigation of the Republic of Kazakhstan', kind: 'ministry', city: 'Astana' },
    { key: 'knau', name: 'Казахский национальный аграрный исследовательский университет', nameLatin: 'Kazakh National Agrarian Research University', kind: 'university', city: 'Almaty' },
    { key: 'kgvh', name: 'ТОО «Казгипроводхоз»', nameLatin: 'Kazgiprovodkhoz LLP', kind: 'company', city: 'Almaty' },
  ],
  lv: [
    { key: 'rud', name: 'Rīgas ūdens', kind: 'utility', city: 'Riga', website: 'https://www.rigasudens.lv' },
    { key: 'jud', name: 'Jūrmalas ūdens', kind: 'utility', city: 'Jurmala' },
    { key: 'rtu', name: 'Rīgas Tehniskā universitāte', nameLatin: 'Riga Technical University', kind: 'university', city: 'Riga', website: 'https://www.rtu.lv' },
    { key: 'varam', name: 'Viedās administrācijas un reģionālās attīstības ministrija', nameLatin: 'Ministry of Smart Administration and Regional Development', kind: 'ministry', city: 'Riga' },
    { key: 'bec', name: 'Baltic Energy Efficiency Consulting SIA', kind: 'company', city: 'Riga' },
  ],
};

const PEOPLE: Record<AssociationKey, DemoPerson[]> = {
  uz: [
    ['Шукуров Жасур Алишерович', 'Shukurov Jasur', 'm', '1984-03-14', 'Tashkent', 'water_supply', 'tss', 'Bosh muhandis', 'j.shukurov@tss.example.uz', true],
    ['Xolmatova Nilufar', null, 'f', '1990-07-22', 'Tashkent', 'wastewater', 'suvloyiha', 'Loyiha menejeri', 'n.xolmatova@suvloyiha.example.uz', true],
    ['Юлдашев Бахтиёр Рустамович', 'Yuldashev Baxtiyor', 'm', '1979-11-02', 'Samarkand', 'heat_supply', 'sameng', 'Direktor', 'b.yuldashev@sameng.example.uz', true],
    ['Oʻrinboyev Sardor', null, 'm', '1993-01-30', 'Samarkand', 'water_supply', 'sameng', 'Muhandis', null, false],
    ['Рахимова Дильноза', 'Rahimova Dilnoza', 'f', '1988-05-09', 'Tashkent', 'energy_efficiency', 'suvloyiha', 'Energetika boʻyicha maslahatchi', 'd.rahimova@suvloyiha.example.uz', true],
    ['Karimov Otabek', null, 'm', '1986-09-17', 'Bukhara', 'waste_management', null, 'Mustaqil maslahatchi', 'otabek.karimov@example.uz', false],
    ['Тошпулатова Гулнора', 'Toshpulatova Gulnora', 'f', '1975-12-01', 'Tashkent', 'water_supply', 'tiiame', 'Dotsent', 'g.toshpulatova@tiiame.example.uz', true],
    ['Abdullayev Sherzod', null, 'm', null, 'Namangan', 'wastewater', 'uzsuv', 'Filial boshligʻi', null, false],
    ['Исмоилова Малика', 'Ismoilova Malika', 'f', '1995-04-11', 'Fergana', 'smart_city', null, 'Muhandis-dasturchi', 'malika.ismoilova@example.uz', true],
    ['Gʻafurov Doniyor', null, 'm', '1982-08-25', 'Tashkent', 'rainwater', 'min', 'Boʻlim boshligʻi', 'd.gafurov@min.example.uz', false],
    ['Nazarova Zulfiya', null, 'f', '1991-02-14', 'Samarkand', 'heat_supply', 'sameng', 'Muhandis', null, false],
    ['Мирзаев Фаррух', 'Mirzayev Farrux', 'm', '1987-06-03', 'Andijan', 'energy_efficiency', null, 'Energoaudit mutaxassisi', 'f.mirzayev@example.uz', true],
    ['Sobirova Mohira', null, 'f', '1994-10-19', 'Tashkent', 'water_supply', 'tss', 'Laboratoriya mudiri', 'm.sobirova@tss.example.uz', false],
    ['Турсунов Азизбек', 'Tursunov Azizbek', 'm', '1989-03-07', 'Nukus', 'water_supply', 'uzsuv', 'Bosh texnolog', null, true],
    ['Qodirov Ulugʻbek', null, 'm', '1980-01-21', 'Tashkent', 'other', 'min', 'Yetakchi mutaxassis', null, false],
    ['Хасанова Шахноза', 'Xasanova Shahnoza', 'f', '1992-09-28', 'Tashkent', 'wastewater', 'tss', 'Muhandis-texnolog', 's.xasanova@tss.example.uz', true],
    ['Ergashev Jamshid', null, 'm', '1985-12-12', 'Karshi', 'waste_management', null, 'Loyiha muhandisi', null, false],
    ['Yusupova Dildora', null, 'f', '1997-05-05', 'Samarkand', 'smart_city', 'tiiame', 'Assistent', 'd.yusupova@tiiame.example.uz', false],
    ['Норматов Илхом', 'Normatov Ilhom', 'm', '1977-07-15', 'Tashkent', 'heat_supply', null, 'Bosh muhandis', null, false],
    ['Aliyeva Kamola', null, 'f', '1990-11-23', 'Tashkent', 'energy_efficiency', 'suvloyiha', 'Maslahatchi', 'k.aliyeva@suvloyiha.example.uz', true],
  ],
  kz: [
    ['Қасымов Ерлан Серікұлы', 'Kassymov Yerlan', 'm', '1983-04-18', 'Shymkent', 'water_supply', 'shym', 'Бас инженер', 'y.kassymov@vodokanal.example.kz', true],
    ['Нурланова Айгерим', 'Nurlanova Aigerim', 'f', '1992-11-05', 'Almaty', 'wastewater', 'almsu', 'Инженер-технолог', 'a.nurlanova@almatysu.example.kz', true],
    ['Жаңабаев Нұрлан', 'Zhanabayev Nurlan', 'm', '1978-02-27', 'Astana', 'water_supply', 'astsu', 'Техникалық директор', 'n.zhanabayev@astanasu.example.kz', false],
    ['Ахметова Динара', 'Akhmetova Dinara', 'f', '1986-08-08', 'Astana', 'rainwater', 'min', 'Главный эксперт', 'd.akhmetova@min.example.kz', true],
    ['Сейткали Бауыржан', 'Seitkali Bauyrzhan', 'm', '1990-06-16', 'Shymkent', 'heat_supply', null, 'Инженер-энергетик', null, false],
    ['Омарова Гульнар', 'Omarova Gulnar', 'f', '1974-03-29', 'Almaty', 'waste_management', 'knau', 'Профессор', 'g.omarova@knau.example.kz', true],
    ['Ибраев Даурен', 'Ibrayev Dauren', 'm', '1988-12-03', 'Almaty', 'energy_efficiency', 'kgvh', 'Ведущий инженер', 'd.ibrayev@kgvh.example.kz', false],
    ['Сулейменова Асель', 'Suleimenova Assel', 'f', '1996-01-14', 'Astana', 'smart_city', null, 'Аналитик данных', 'assel.suleimenova@example.kz', true],
    ['Әбдірахманов Арман', 'Abdrakhmanov Arman', 'm', '1981-10-10', 'Taraz', 'wastewater', null, 'Бас маман', null, false],
    ['Исаева Жанар', 'Issayeva Zhanar', 'f', '1993-07-07', 'Shymkent', 'water_supply', 'shym', 'Инженер', 'zh.issayeva@vodokanal.example.kz', false],
    ['Мұқанов Ержан', 'Mukanov Yerzhan', 'm', '1985-05-21', 'Karaganda', 'heat_supply', null, 'Начальник участка', null, false],
    ['Ким Виктория', 'Kim Viktoriya', 'f', '1989-09-09', 'Almaty', 'energy_efficiency', 'kgvh', 'Консультант', 'v.kim@kgvh.example.kz', true],
    ['Петров Сергей Николаевич', 'Petrov Sergey', 'm', '1972-04-02', 'Ust-Kamenogorsk', 'water_supply', null, 'Главный инженер', null, false],
    ['Бекова Айнұр', 'Bekova Ainur', 'f', '1994-12-30', 'Kyzylorda', 'wastewater', null, 'Инженер', 'ainur.bekova@example.kz', false],
    ['Tulegenov Marat', null, 'm', '1980-08-19', 'Almaty', 'water_supply', 'kgvh', 'Project manager', 'm.tulegenov@kgvh.example.kz', true],
    ['Ермекова Салтанат', 'Yermekova Saltanat', 'f', '1987-02-11', 'Astana', 'other', 'min', 'Эксперт', null, false],
    ['Оспанов Даулет', 'Ospanov Daulet', 'm', '1991-03-03', 'Aktobe', 'waste_management', null, 'Инженер-эколог', null, false],
    ['Смагулов Тимур', 'Smagulov Timur', 'm', '1984-11-26', 'Pavlodar', 'heat_supply', null, 'Главный энергетик', 't.smagulov@example.kz', false],
  ],
  lv: [
    ['Jānis Bērziņš', null, 'm', '1979-09-01', 'Riga', 'water_supply', 'rud', 'Tehniskais direktors', 'janis.berzins@rigasudens.example.lv', true],
    ['Anna Kalniņa', null, 'f', '1988-12-12', 'Riga', 'energy_efficiency', 'bec', 'Energoefektivitātes konsultante', 'anna.kalnina@bec.example.lv', true],
    ['Līga Ozoliņa', null, 'f', '1984-11-14', 'Riga', 'smart_city', 'rtu', 'Docente', 'liga.ozolina@rtu.example.lv', true],
    ['Andris Liepiņš', null, 'm', '1976-06-30', 'Jurmala', 'wastewater', 'jud', 'Galvenais inženieris', null, false],
    ['Ilze Krūmiņa', null, 'f', '1990-03-17', 'Riga', 'rainwater', 'varam', 'Vecākā eksperte', 'ilze.krumina@varam.example.lv', false],
    ['Mārtiņš Vītols', null, 'm', '1983-01-08', 'Jelgava', 'heat_supply', null, 'Projektu vadītājs', 'martins.vitols@example.lv', true],
    ['Kristīne Zariņa', null, 'f', '1995-08-24', 'Riga', 'waste_management', 'bec', 'Vides inženiere', null, false],
    ['Edgars Jansons', null, 'm', '1987-04-04', 'Valmiera', 'energy_efficiency', null, 'Energoauditors', 'edgars.jansons@example.lv', false],
    ['Ольга Смирнова', 'Olga Smirnova', 'f', '1981-10-27', 'Daugavpils', 'water_supply', null, 'Inženiere-tehnoloģe', 'olga.smirnova@example.lv', true],
    ['Dmitrijs Ivanovs', null, 'm', '1978-05-13', 'Riga', 'heat_supply', 'rud', 'Iecirkņa vadītājs', null, false],
    ['Raimonds Ozols', null, 'm', '1992-07-19', 'Liepaja', 'wastewater', null, 'Inženieris', null, false],
    ['Gatis Balodis', null, 'm', '1985-02-02', 'Riga', 'other', 'rtu', 'Pētnieks', 'gatis.balodis@rtu.example.lv', false],
  ],
};

/**
 * The people and organisations of the demo: engineers of the three associations with their names
 * in the scripts they use, some employed by the utilities, ministries, universities and consultancies
 * of their country. Runs inside the demo's transaction.
 */
export async function seedDemoPeople(tx: Tx, associationIds: ReadonlyMap<string, string>): Promise<{ people: number; organisations: number }> {
  const now = new Date();
  let people = 0;
  let organisations = 0;
  for (const key of ['uz', 'kz', 'lv'] as const) {
    const associationId = associationIds.get(key);
    if (!associationId) continue;
    const country = COUNTRY[key];
    const employers = new Map<string, string>();
    for (const org of ORGANISATIONS[key]) {
      const id = await insertOrganisation(tx, associationId, {
        name: org.name,
        nameLatin: org.nameLatin ?? null,
        kind: org.kind,
        country,
        city: org.city,
        website: org.website ?? null,
        email: null,
        phone: null,
        searchKey: searchKeyOf(org.name, org.nameLatin),
      });
      employers.set(org.key, id);
      organisations += 1;
    }
    for (const [fullName, nameLatin, gender, birthDate, city, sector, employer, position, email, listed] of PEOPLE[key]) {
      const values = personValues(
        null,
        {
          fullName,
          nameLatin,
          gender: gender === 'f' ? 'female' : 'male',
          birthDate,
          country,
          city,
          sector,
          employerId: employer ? employers.get(employer)! : null,
          position,
          email,
          registryConsent: listed,
          emailConsent: email !== null,
        },
        now,
      );
      await insertPerson(tx, associationId, values);
      people += 1;
    }
  }
  return { people, organisations };
}
