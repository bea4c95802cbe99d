import type { CertificationCertificateInput, ParticipationCertificateInput } from './certificate-types.js';

/**
 * Certificates in the languages the platform serves, as the training and certification modules
 * will fill them in. Used by the tests, the benchmark and for looking at the layout.
 */

const EU_ACKNOWLEDGEMENT_UZ =
  'Ushbu oʻquv kursi Yevropa Ittifoqi tomonidan moliyalashtirildi. Uning mazmuni uchun faqat assotsiatsiya javobgar boʻlib, u Yevropa Ittifoqining fikrini aks ettirmasligi mumkin.';
const EU_ACKNOWLEDGEMENT_EN =
  'This training was funded by the European Union. Its contents are the sole responsibility of the association and do not necessarily reflect the views of the European Union.';

export function sampleParticipation(overrides: Partial<ParticipationCertificateInput> = {}): ParticipationCertificateInput {
  return {
    kind: 'participation',
    locales: ['uz-Latn-UZ', 'en-GB'],
    association: ['Oʻzbekiston muhandislar assotsiatsiyasi', 'Association of Engineers of Uzbekistan'],
    labels: {
      title: ['Ishtirok sertifikati', 'Certificate of participation'],
      certifies: ['Ushbu sertifikat bilan tasdiqlanadiki', 'This is to certify that'],
      participated: ['quyidagi oʻquv kursida ishtirok etdi', 'has taken part in the training course'],
      dates: ['Sanalar', 'Dates'],
      city: ['Shahar', 'City'],
      hours: ['Soatlar', 'Hours'],
      cpdCredits: ['CPD kreditlari', 'CPD credits'],
      number: ['Raqam', 'Number'],
      issuedOn: ['Berilgan sana', 'Issued on'],
      verify: ['Tekshirish', 'Verify at'],
    },
    holder: { name: 'Ғуломов Ўктам Шавкатович', latinName: 'Gʻulomov Oʻktam Shavkatovich' },
    course: ['Barqaror yomgʻir suvini boshqarish uchun yashil yechimlar', 'Green solutions for sustainable rainwater management'],
    startsOn: '2026-05-12',
    endsOn: '2026-05-16',
    city: ['Toshkent', 'Tashkent'],
    hours: 40,
    cpdCredits: 4.5,
    number: 'P-2026-000123',
    issuedOn: '2026-05-16',
    verificationUrl: 'https://usta.example.org/verify/P-2026-000123?code=k3mQ9xTzR2',
    signatory: { name: 'Jānis Bērziņš', title: ['Assotsiatsiya raisi', 'Chair of the association'] },
    acknowledgement: [EU_ACKNOWLEDGEMENT_UZ, EU_ACKNOWLEDGEMENT_EN],
    producedAt: new Date('2026-05-16T12:00:00Z'),
    ...overrides,
  };
}

export function sampleCertification(overrides: Partial<CertificationCertificateInput> = {}): CertificationCertificateInput {
  return {
    kind: 'certification',
    locales: ['kk-KZ', 'en-GB'],
    association: ['Қазақстан инженерлер қауымдастығы', 'Kazakhstan Association of Engineers'],
    labels: {
      title: ['Сертификат', 'Certificate'],
      certifies: ['Осы сертификат куәландырады', 'This is to certify that'],
      certified: ['келесі схема бойынша сертификатталған', 'is certified under the scheme'],
      level: ['Деңгей', 'Level'],
      number: ['Нөмірі', 'Number'],
      issuedOn: ['Берілген күні', 'Issued on'],
      validUntil: ['Жарамдылық мерзімі', 'Valid until'],
      verify: ['Тексеру', 'Verify at'],
      attachedCredential: ['Қол қойылған цифрлық куәлік осы файлға тіркелген.', 'The signed digital credential is attached to this file.'],
    },
    holder: { name: 'Әлімжанова Гүлнұр Қайратқызы', latinName: 'Alimzhanova Gulnur Kairatkyzy' },
    scheme: ['Су шаруашылығы инженерлерін сертификаттау', 'Certification of water management engineers'],
    level: ['Жетекші инженер', 'Lead Engineer'],
    number: 'KZ-ENG-2026-000123',
    issuedOn: '2026-06-02',
    validUntil: '2029-06-01',
    verificationUrl: 'https://usta.example.org/verify/KZ-ENG-2026-000123?code=Qx7Lm2PzV8',
    signatory: { name: 'Нұрлан Өтепбаев', title: ['Сертификаттау комиссиясының төрағасы', 'Chair of the certification board'] },
    acknowledgement: [
      'Оқыту Еуропалық Одақтың қаржыландыруымен өтті. Оның мазмұнына тек қауымдастық жауапты.',
      'The training was funded by the European Union. Its contents are the sole responsibility of the association.',
    ],
    producedAt: new Date('2026-06-02T09:00:00Z'),
    ...overrides,
  };
}
