import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import type { AssociationRow } from '../associations/repository.js';
import { rainwaterCourse } from './catalogue-test-data.js';

let ctx: TestContext;
let uz: AssociationRow;
let kz: AssociationRow;
let staff: Agent;

beforeAll(async () => {
  ctx = await createTestApp();
  uz = await makeAssociation(ctx, { slug: 'acec-uz', name: 'Association of Consulting Engineers of Uzbekistan' });
  kz = await makeAssociation(ctx, { slug: 'kwsa-kz', name: 'Kazakhstan Water Supply and Sanitation Association', country: 'KZ' });
  staff = await signedInAgent(ctx, { roles: [[uz.id, 'staff'], [kz.id, 'staff']] });
  const post = async (payload: Record<string, unknown>) => {
    const res = await staff.request({ method: 'POST', url: '/api/v1/courses', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>();
  };
  const rainwater = await post(
    rainwaterCourse(uz.id, {
      slug: 'green-rainwater',
      title: {
        en: 'Green solutions for sustainable rainwater management',
        ru: 'Зелёные решения для устойчивого управления дождевыми водами',
        uz: 'Yomgʻir suvlarini barqaror boshqarish uchun yashil yechimlar',
        kk: 'Жаңбыр суын тұрақты басқарудың жасыл шешімдері',
      },
      prerequisites: { en: 'Basic hydraulics.', ru: 'Основы гидравлики.' },
    }),
  );
  await staff.request({
    method: 'POST',
    url: `/api/v1/courses/${rainwater.id}/materials`,
    payload: { title: { en: 'SuDS manual', ru: 'Руководство по SuDS' }, url: 'https://www.susdrain.org/', visibility: 'public' },
  });
  await staff.request({
    method: 'POST',
    url: `/api/v1/courses/${rainwater.id}/materials`,
    payload: { title: { en: 'Trainer notes' }, url: 'https://example.org/notes', visibility: 'participants' },
  });
  await post({
    associationId: kz.id,
    code: 'KZ-WW',
    slug: 'industrial-wastewater',
    title: { en: 'Industrial wastewater', kk: 'Өнеркәсіптік ағынды сулар', ru: 'Промышленные сточные воды' },
    competencyAreas: ['technological', 'regulatory'],
    sectors: ['wastewater'],
    hours: 16,
    cpdCredits: 2,
    status: 'published',
  });
  await post(rainwaterCourse(uz.id, { code: 'HIDDEN', slug: 'hidden-draft', title: { en: 'Unfinished heat supply course' }, status: 'draft' }));
  await post(rainwaterCourse(uz.id, { code: 'OLD', slug: 'old-course', title: { en: 'Retired waste course' }, status: 'archived' }));
});
afterAll(async () => ctx.close());

function page(url: string, lang: string) {
  return ctx.app.inject({ method: 'GET', url, headers: { accept: 'text/html', 'accept-language': lang } });
}

describe('the public catalogue', () => {
  it('lists published courses in the visitor’s language, with hours, credits and level, and no script', async () => {
    const res = await page('/catalogue', 'ru');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="ru-RU">');
    expect(res.body).toContain('Каталог курсов');
    expect(res.body).toContain('Зелёные решения для устойчивого управления дождевыми водами');
    expect(res.body).toContain('Промышленные сточные воды');
    expect(res.body).toContain('2 курса');
    expect(res.body).toContain('Кредиты НПР');
    expect(res.body).toContain('href="/catalogue/acec-uz/green-rainwater"');
    expect(res.body).not.toContain('Unfinished heat supply course');
    expect(res.body).not.toContain('Retired waste course');
    expect(res.body).not.toMatch(/<script/i);
  });

  it('falls back field by field and marks text shown in another language', async () => {
    const res = await page('/catalogue', 'lv');
    expect(res.body).toContain('Kursu katalogs');
    expect(res.body).toContain('<span lang="en-GB">Green solutions for sustainable rainwater management</span>');
    expect(res.body).toContain('<p lang="en-GB">Nature-based drainage for cities.</p>');
  });

  it('filters by association, sector and competency area through a plain GET form', async () => {
    const form = await page('/catalogue', 'en');
    expect(form.body).toMatch(/<form [^>]*action="\/catalogue" method="get"/);
    const bySector = await page('/catalogue?sector=wastewater', 'en');
    expect(bySector.body).toContain('Industrial wastewater');
    expect(bySector.body).not.toContain('Green solutions');
    const byArea = await page('/catalogue?area=environmental', 'en');
    expect(byArea.body).toContain('Green solutions');
    expect(byArea.body).not.toContain('Industrial wastewater');
    const byAssociation = await page('/catalogue?association=kwsa-kz&sector=&area=&q=', 'en');
    expect(byAssociation.body).toContain('Industrial wastewater');
    expect(byAssociation.body).toContain('1 course');
    expect(byAssociation.body).toContain('<option value="kwsa-kz" selected="">');
    const byWords = await page(`/catalogue?q=${encodeURIComponent('ағынды')}`, 'kk');
    expect(byWords.body).toContain('Өнеркәсіптік ағынды сулар');
    expect(byWords.body).not.toContain('Жаңбыр суын тұрақты');
    const unknown = await page('/catalogue?sector=nonsense', 'en');
    expect(unknown.body).toContain('2 courses');
  });

  it('shows a course in full in Kazakh, with public materials only', async () => {
    const res = await page('/catalogue/acec-uz/green-rainwater', 'kk');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<h1>Жаңбыр суын тұрақты басқарудың жасыл шешімдері</h1>');
    expect(body).toContain('Association of Consulting Engineers of Uzbekistan');
    expect(body).toContain('Не істей алатын боласыз');
    expect(body).toContain('Size a bioretention cell for a 10-year storm.');
    expect(body).toContain('Yashil tomlar samaradorligini baholash.');
    expect(body).toContain('Техникалық, Экологиялық');
    expect(body).toContain('href="http://data.europa.eu/esco/skill/0a8a8e5e-5f4a-4f2e-9d8f-2b7c4b0a6b2d"');
    expect(body).toContain('SuDS manual');
    expect(body).not.toContain('Trainer notes');
    expect(body).not.toMatch(/<script/i);
  });

  it('shows the same course in Uzbek', async () => {
    const res = await page('/catalogue/acec-uz/green-rainwater', 'uz');
    expect(res.body).toContain('<h1>Yomgʻir suvlarini barqaror boshqarish uchun yashil yechimlar</h1>');
    expect(res.body).toContain('Nimalarni qila olasiz');
    expect(res.body).toContain('Soatlar');
  });

  it('does not show drafts or archived courses, nor courses under another association’s address', async () => {
    for (const url of ['/catalogue/acec-uz/hidden-draft', '/catalogue/acec-uz/old-course', '/catalogue/kwsa-kz/green-rainwater', '/catalogue/nobody/green-rainwater']) {
      const res = await page(url, 'ru');
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<h1>Страница не найдена</h1>');
      expect(res.body).toContain('<p>Не найдено: Курс.');
    }
  });
});
