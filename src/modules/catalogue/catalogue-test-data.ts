/** A complete course as staff would enter it; tests change what they need. */
export function rainwaterCourse(associationId: string, overrides: Record<string, unknown> = {}) {
  return {
    associationId,
    code: 'ENG-RW-01',
    title: {
      en: 'Green solutions for sustainable rainwater management',
      ru: 'Зелёные решения для устойчивого управления дождевыми водами',
      uz: 'Yomgʻir suvlarini barqaror boshqarish uchun yashil yechimlar',
    },
    summary: { en: 'Nature-based drainage for cities.', ru: 'Природоподобный водоотвод для городов.' },
    learningOutcomes: [
      { en: 'Size a bioretention cell for a 10-year storm.', ru: 'Рассчитать биоудерживающую ячейку на 10-летний ливень.' },
      { uz: 'Yashil tomlar samaradorligini baholash.' },
    ],
    prerequisites: { en: 'Basic hydraulics.' },
    competencyAreas: ['technical', 'environmental'],
    sectors: ['rainwater'],
    hours: 24,
    cpdCredits: 3,
    eqfLevel: 6,
    escoSkills: [{ uri: 'http://data.europa.eu/esco/skill/0a8a8e5e-5f4a-4f2e-9d8f-2b7c4b0a6b2d', label: 'design drainage systems' }],
    status: 'published',
    ...overrides,
  };
}
