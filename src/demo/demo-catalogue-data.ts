import type { Translated } from '../platform/i18n/translated.js';
import type { CompetencyArea, CourseStatus } from '../modules/catalogue/tables.js';
import type { Sector } from '../modules/people/tables.js';

export interface DemoCourse {
  key: 'rainwater' | 'wastewater' | 'heat' | 'waste';
  code: string;
  slug: string;
  /** The associations that teach it: the pilot courses run in Uzbekistan and then in Kazakhstan. */
  associations: ReadonlyArray<'uz' | 'kz'>;
  title: Translated;
  summary: Translated;
  outcomes: Translated[];
  prerequisites: Translated;
  areas: CompetencyArea[];
  sectors: Sector[];
  hours: number;
  cpdCredits: number;
  eqfLevel: number;
  status: CourseStatus;
  links: Array<{ title: Translated; url: string }>;
}

export const DEMO_PROGRAMME = {
  code: 'ENGINE',
  title: {
    en: 'ENGINE — green water and heat engineering',
    ru: 'ENGINE — зелёная инженерия водо- и теплоснабжения',
    uz: 'ENGINE — suv va issiqlik taʼminotining yashil muhandisligi',
    kk: 'ENGINE — сумен және жылумен жабдықтаудың жасыл инженериясы',
    lv: 'ENGINE — zaļā ūdens un siltuma inženierija',
  },
  summary: {
    en: 'Short courses for practising engineers of utilities, ministries and consultancies, developed with European universities under the EU-funded ENGINE project.',
    ru: 'Короткие курсы для практикующих инженеров водоканалов, министерств и проектных организаций, разработанные вместе с европейскими университетами в рамках проекта ENGINE, финансируемого ЕС.',
    uz: 'Suv taʼminoti korxonalari, vazirliklar va loyiha tashkilotlari muhandislari uchun Yevropa universitetlari bilan YeI moliyalashtirgan ENGINE loyihasi doirasida ishlab chiqilgan qisqa kurslar.',
  },
};

export const DEMO_ACKNOWLEDGEMENT: Translated = {
  en: 'This publication was produced with the financial support of the European Union. Its contents are the sole responsibility of the Association of Consulting Engineers of Uzbekistan and do not necessarily reflect the views of the European Union.',
  ru: 'Данная публикация подготовлена при финансовой поддержке Европейского союза. Ответственность за её содержание несёт исключительно Ассоциация инженеров-консультантов Узбекистана, и оно не обязательно отражает точку зрения Европейского союза.',
  uz: 'Ushbu nashr Yevropa Ittifoqining moliyaviy koʻmagi bilan tayyorlangan. Uning mazmuni uchun faqat Oʻzbekiston maslahatchi muhandislar assotsiatsiyasi javobgar boʻlib, u Yevropa Ittifoqining nuqtai nazarini aks ettirishi shart emas.',
  kk: 'Бұл жарияланым Еуропалық Одақтың қаржылық қолдауымен дайындалды. Оның мазмұнына тек Өзбекстан кеңесші инженерлер қауымдастығы жауапты және ол Еуропалық Одақтың көзқарасын міндетті түрде білдірмейді.',
  lv: 'Šī publikācija ir sagatavota ar Eiropas Savienības finansiālu atbalstu. Par tās saturu atbild vienīgi Uzbekistānas Konsultantu inženieru asociācija, un tas ne vienmēr atspoguļo Eiropas Savienības viedokli.',
};

export const DEMO_COURSES: DemoCourse[] = [
  {
    key: 'rainwater',
    code: 'ENG-RW',
    slug: 'green-rainwater-management',
    associations: ['uz', 'kz'],
    title: {
      en: 'Green solutions for sustainable rainwater management',
      ru: 'Зелёные решения для устойчивого управления дождевыми водами',
      uz: 'Yomgʻir suvlarini barqaror boshqarish uchun yashil yechimlar',
      kk: 'Жаңбыр суын тұрақты басқаруға арналған жасыл шешімдер',
      lv: 'Zaļie risinājumi ilgtspējīgai lietusūdens apsaimniekošanai',
    },
    summary: {
      en: 'Cities in Central Asia face short, violent storms on sealed ground. This course shows how nature-based drainage — bioretention, swales, green roofs and permeable paving — holds, cleans and reuses rainwater, and how to size, cost and maintain it.',
      ru: 'Города Центральной Азии сталкиваются с короткими сильными ливнями на запечатанных поверхностях. Курс показывает, как природоподобный водоотвод — биоудерживающие площадки, дренажные канавы, зелёные кровли и водопроницаемые покрытия — задерживает, очищает и повторно использует дождевую воду, и как его рассчитывать, оценивать и обслуживать.',
      uz: 'Markaziy Osiyo shaharlari qattiq qoplamali yuzalarda qisqa va kuchli jalalarga duch keladi. Kurs tabiatga asoslangan suv chiqarish tizimlari — bioushlab qoluvchi maydonchalar, drenaj ariqlari, yashil tomlar va suv oʻtkazuvchan qoplamalar yomgʻir suvini qanday ushlab qolishi, tozalashi va qayta ishlatishini, ularni qanday hisoblash, baholash va ularga xizmat koʻrsatishni koʻrsatadi.',
    },
    outcomes: [
      {
        en: 'Estimate design rainfall and runoff for an urban catchment from local intensity–duration–frequency data.',
        ru: 'Оценивать расчётные осадки и сток с городского водосбора по местным кривым «интенсивность — продолжительность — повторяемость».',
        uz: 'Mahalliy «intensivlik — davomiylik — takrorlanish» maʼlumotlari asosida shahar suv yigʻish maydonining hisobiy yogʻini va oqimini baholash.',
        kk: 'Жергілікті «қарқындылық — ұзақтық — қайталану» деректері бойынша қалалық су жинау алабының есептік жауын-шашыны мен ағынын бағалау.',
      },
      {
        en: 'Select and size nature-based measures — bioretention, swales, green roofs, permeable paving — for a given site.',
        ru: 'Подбирать и рассчитывать природоподобные решения — биоудерживающие площадки, дренажные канавы, зелёные кровли, водопроницаемые покрытия — для конкретного участка.',
        uz: 'Muayyan hudud uchun tabiatga asoslangan yechimlarni — bioushlab qoluvchi maydonchalar, drenaj ariqlari, yashil tomlar, suv oʻtkazuvchan qoplamalarni — tanlash va hisoblash.',
        kk: 'Нақты учаске үшін табиғатқа негізделген шешімдерді — биоұстағыш алаңдарды, дренаж арықтарын, жасыл шатырларды, су өткізетін жабындарды — таңдау және есептеу.',
      },
      {
        en: 'Compare the life-cycle costs of green and conventional drainage and present them to a municipal client.',
        ru: 'Сравнивать затраты жизненного цикла зелёного и традиционного водоотвода и представлять их муниципальному заказчику.',
        uz: 'Yashil va anʼanaviy suv chiqarish tizimlarining hayotiy sikl xarajatlarini solishtirish va ularni munitsipal buyurtmachiga taqdim etish.',
        kk: 'Жасыл және дәстүрлі су бұру жүйелерінің өмірлік цикл шығындарын салыстыру және оларды муниципалдық тапсырысшыға ұсыну.',
      },
      {
        en: 'Plan the operation and maintenance of rainwater facilities, including winter conditions and sediment removal.',
        ru: 'Планировать эксплуатацию и обслуживание сооружений для дождевых вод, включая зимний период и удаление осадка.',
        uz: 'Yomgʻir suvi inshootlarini ishlatish va ularga xizmat koʻrsatishni, jumladan qish sharoitlari va choʻkindilarni tozalashni rejalashtirish.',
        kk: 'Жаңбыр суы құрылыстарын пайдалану мен оларға қызмет көрсетуді, соның ішінде қысқы жағдайлар мен тұнбаны жоюды жоспарлау.',
      },
    ],
    prerequisites: {
      en: 'Basic hydrology and hydraulics; reading site plans.',
      ru: 'Основы гидрологии и гидравлики; умение читать генеральные планы.',
      uz: 'Gidrologiya va gidravlika asoslari; bosh rejalarni oʻqiy olish.',
    },
    areas: ['technical', 'environmental', 'economic'],
    sectors: ['rainwater', 'smart_city'],
    hours: 24,
    cpdCredits: 3,
    eqfLevel: 6,
    status: 'published',
    links: [
      { title: { en: 'SuDS resources (susdrain)', ru: 'Материалы по SuDS (susdrain)', uz: 'SuDS boʻyicha materiallar (susdrain)' }, url: 'https://www.susdrain.org/' },
    ],
  },
  {
    key: 'wastewater',
    code: 'ENG-IW',
    slug: 'industrial-wastewater',
    associations: ['uz', 'kz'],
    title: {
      en: 'Industrial wastewater',
      ru: 'Промышленные сточные воды',
      uz: 'Sanoat oqova suvlari',
      kk: 'Өнеркәсіптік ағынды сулар',
      lv: 'Rūpnieciskie notekūdeņi',
    },
    summary: {
      en: 'How industrial effluents differ from municipal sewage, how to characterise them, and which pre-treatment and treatment trains bring a plant within its discharge permit.',
      ru: 'Чем промышленные стоки отличаются от городских, как их характеризовать и какие схемы предварительной и основной очистки позволяют предприятию соблюдать разрешение на сброс.',
      uz: 'Sanoat oqovalari shahar oqova suvlaridan nimasi bilan farq qiladi, ularni qanday tavsiflash va qaysi dastlabki hamda asosiy tozalash sxemalari korxonaga oqizish ruxsatnomasiga rioya qilish imkonini beradi.',
    },
    outcomes: [
      {
        en: 'Characterise an industrial effluent from a sampling campaign: flow, load, toxicity and variability.',
        ru: 'Характеризовать промышленный сток по результатам отбора проб: расход, нагрузку, токсичность и неравномерность.',
        uz: 'Namuna olish natijalari asosida sanoat oqovasini tavsiflash: sarf, yuklama, zaharlilik va notekislik.',
        kk: 'Сынама алу нәтижелері бойынша өнеркәсіптік ағынды сипаттау: шығын, жүктеме, уыттылық және біркелкі еместік.',
      },
      {
        en: 'Choose pre-treatment — equalisation, neutralisation, oil separation, flotation — before discharge to a municipal sewer.',
        ru: 'Выбирать предварительную очистку — усреднение, нейтрализацию, отделение нефтепродуктов, флотацию — перед сбросом в городскую канализацию.',
        uz: 'Shahar kanalizatsiyasiga oqizishdan oldin dastlabki tozalashni — oʻrtachalashtirish, neytrallash, neft mahsulotlarini ajratish, flotatsiyani — tanlash.',
        kk: 'Қалалық кәрізге төгер алдында алдын ала тазартуды — орташаландыру, бейтараптандыру, мұнай өнімдерін бөлу, флотацияны — таңдау.',
      },
      {
        en: 'Draft discharge limits and a monitoring plan in line with national rules and the EU Urban Waste Water Treatment Directive.',
        ru: 'Составлять нормативы сброса и план мониторинга в соответствии с национальными правилами и Директивой ЕС об очистке городских сточных вод.',
        uz: 'Milliy qoidalar va YeIning shahar oqova suvlarini tozalash toʻgʻrisidagi direktivasiga muvofiq oqizish meʼyorlari va monitoring rejasini tuzish.',
        kk: 'Ұлттық ережелер мен ЕО-ның қалалық ағынды суларды тазарту туралы директивасына сәйкес төгінді нормативтері мен мониторинг жоспарын жасау.',
      },
      {
        en: 'Estimate the cost of treatment and the charges a utility can set for industrial customers.',
        ru: 'Оценивать стоимость очистки и тарифы, которые водоканал может устанавливать для промышленных абонентов.',
        uz: 'Tozalash qiymatini va suv taʼminoti korxonasi sanoat isteʼmolchilari uchun belgilashi mumkin boʻlgan toʻlovlarni baholash.',
        kk: 'Тазарту құнын және су арнасы кәсіпорны өнеркәсіптік абоненттер үшін белгілей алатын тарифтерді бағалау.',
      },
    ],
    prerequisites: {
      en: 'Water chemistry at university level; experience at a treatment plant or an industrial site helps.',
      ru: 'Химия воды в объёме вуза; опыт работы на очистных сооружениях или промышленном предприятии будет полезен.',
      uz: 'Oliy taʼlim hajmida suv kimyosi; tozalash inshootlari yoki sanoat korxonasida ishlash tajribasi foydali boʻladi.',
    },
    areas: ['technical', 'technological', 'regulatory', 'economic'],
    sectors: ['wastewater'],
    hours: 24,
    cpdCredits: 3,
    eqfLevel: 6,
    status: 'published',
    links: [
      {
        title: { en: 'EU Urban Waste Water Treatment Directive', ru: 'Директива ЕС об очистке городских сточных вод', uz: 'YeIning shahar oqova suvlarini tozalash toʻgʻrisidagi direktivasi' },
        url: 'https://eur-lex.europa.eu/eli/dir/1991/271/oj',
      },
    ],
  },
  {
    key: 'heat',
    code: 'ENG-HS',
    slug: 'efficient-district-heating',
    associations: ['uz'],
    title: {
      en: 'Energy-efficient district heating',
      ru: 'Энергоэффективное централизованное теплоснабжение',
      uz: 'Energiya tejamkor markazlashgan issiqlik taʼminoti',
      kk: 'Энергия тиімді орталықтандырылған жылумен жабдықтау',
      lv: 'Energoefektīva centralizētā siltumapgāde',
    },
    summary: {
      en: 'Finding and cutting losses in ageing heat networks: pre-insulated pipes, substations with heat meters, lower supply temperatures and the business case for each.',
      ru: 'Как находить и сокращать потери в изношенных тепловых сетях: предизолированные трубы, тепловые пункты с приборами учёта, снижение температуры подачи и экономическое обоснование каждого шага.',
      uz: 'Eskirgan issiqlik tarmoqlaridagi yoʻqotishlarni aniqlash va kamaytirish: oldindan izolyatsiyalangan quvurlar, issiqlik hisoblagichli punktlar, uzatish haroratini pasaytirish va har bir qadamning iqtisodiy asoslanishi.',
    },
    outcomes: [
      {
        en: 'Build a heat-loss balance of a network section from metering and thermographic data.',
        ru: 'Составлять баланс тепловых потерь участка сети по данным учёта и тепловизионной съёмки.',
        uz: 'Hisoblagich va termografiya maʼlumotlari asosida tarmoq uchastkasining issiqlik yoʻqotishlari balansini tuzish.',
      },
      {
        en: 'Specify pre-insulated pipe systems and individual substations for a rehabilitation project.',
        ru: 'Составлять требования к предизолированным трубопроводам и индивидуальным тепловым пунктам для проекта реконструкции.',
        uz: 'Rekonstruksiya loyihasi uchun oldindan izolyatsiyalangan quvur tizimlari va individual issiqlik punktlariga talablarni belgilash.',
      },
      {
        en: 'Calculate the payback of an efficiency measure and prepare it for a lender’s appraisal.',
        ru: 'Рассчитывать окупаемость мероприятия по энергоэффективности и готовить его к оценке кредитором.',
        uz: 'Energiya samaradorligi chorasining oʻzini oqlash muddatini hisoblash va uni kreditor baholashiga tayyorlash.',
      },
    ],
    prerequisites: {
      en: 'Thermodynamics and heat transfer at university level.',
      ru: 'Термодинамика и теплопередача в объёме вуза.',
      uz: 'Oliy taʼlim hajmida termodinamika va issiqlik uzatish.',
    },
    areas: ['technical', 'economic', 'financial'],
    sectors: ['heat_supply', 'energy_efficiency'],
    hours: 16,
    cpdCredits: 2,
    eqfLevel: 6,
    status: 'published',
    links: [],
  },
  {
    key: 'waste',
    code: 'ENG-WM',
    slug: 'solid-waste-and-landfills',
    associations: ['uz'],
    title: {
      en: 'Municipal solid waste management and landfill engineering',
      ru: 'Управление твёрдыми коммунальными отходами и проектирование полигонов',
      uz: 'Qattiq maishiy chiqindilarni boshqarish va poligonlarni loyihalash',
      kk: 'Қатты тұрмыстық қалдықтарды басқару және полигондарды жобалау',
      lv: 'Sadzīves atkritumu apsaimniekošana un poligonu inženierija',
    },
    summary: {
      en: 'From collection and sorting to sanitary landfills with liner, leachate and gas systems, under the rules that apply in the region.',
      ru: 'От сбора и сортировки до санитарных полигонов с противофильтрационным экраном, сбором фильтрата и газа — с учётом правил, действующих в регионе.',
      uz: 'Yigʻish va saralashdan tortib, filtrlanishga qarshi ekran, filtrat va gazni yigʻish tizimlariga ega sanitariya poligonlarigacha — mintaqada amal qiladigan qoidalarni hisobga olgan holda.',
    },
    outcomes: [
      {
        en: 'Estimate waste generation and composition for a city and plan collection routes.',
        ru: 'Оценивать образование и состав отходов города и планировать маршруты сбора.',
        uz: 'Shaharda chiqindilar hosil boʻlishi va tarkibini baholash hamda yigʻish marshrutlarini rejalashtirish.',
      },
      {
        en: 'Lay out a sanitary landfill cell with its liner, leachate collection and gas vents.',
        ru: 'Компоновать карту санитарного полигона с экраном, сбором фильтрата и газоотводами.',
        uz: 'Ekran, filtrat yigʻish va gaz chiqarish quvurlari bilan sanitariya poligoni kartasini joylashtirish.',
      },
      {
        en: 'Check a waste project against environmental permitting and extended producer responsibility rules.',
        ru: 'Проверять проект в сфере отходов на соответствие требованиям экологических разрешений и расширенной ответственности производителя.',
        uz: 'Chiqindilar sohasidagi loyihani ekologik ruxsatnomalar va ishlab chiqaruvchining kengaytirilgan masʼuliyati talablariga muvofiqligini tekshirish.',
      },
    ],
    prerequisites: {},
    areas: ['environmental', 'regulatory', 'legal', 'economic'],
    sectors: ['waste_management'],
    hours: 16,
    cpdCredits: 2,
    eqfLevel: 5,
    status: 'draft',
    links: [],
  },
];

/** The partners of the demo project: organisations already in the register (by Latin name) and new ones. */
export const DEMO_PARTNERS = {
  existing: [
    { nameLatin: 'Tashkent Institute of Irrigation and Agricultural Mechanization Engineers', role: 'partner' },
    { nameLatin: 'Ministry of Construction and Housing and Communal Services', role: 'associated' },
    { nameLatin: 'Tashkent City Water Supply', role: 'associated' },
  ],
  added: [
    { name: 'Rīgas Tehniskā universitāte', nameLatin: 'Riga Technical University', kind: 'university', country: 'LV', city: 'Riga', role: 'coordinator' },
    { name: 'Technische Universität Dresden', nameLatin: null, kind: 'university', country: 'DE', city: 'Dresden', role: 'partner' },
    { name: 'Казахский национальный аграрный исследовательский университет', nameLatin: 'Kazakh National Agrarian Research University', kind: 'university', country: 'KZ', city: 'Almaty', role: 'partner' },
  ],
} as const;
