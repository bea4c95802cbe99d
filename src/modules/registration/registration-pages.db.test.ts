import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { FormBrowser, textOf } from '../../../test/form-browser.js';
import { createSessionVia, dayFromNow, sessionWorld, type SessionWorld } from '../events/session-test-data.js';

let ctx: TestContext;
let world: SessionWorld;
let ip = 0;
/** Each visitor comes from their own address and reads in their own language, without JavaScript. */
const browser = (lang: string) => new FormBrowser(ctx.app, { 'x-forwarded-for': `10.3.${Math.floor(++ip / 250)}.${ip % 250}`, 'accept-language': lang });

const ACKNOWLEDGEMENT = {
  en: 'This training was funded by the European Union. Its contents are the sole responsibility of the association.',
  uz: 'Ushbu oʻquv Yevropa Ittifoqi tomonidan moliyalashtirildi. Uning mazmuni uchun faqat assotsiatsiya javobgar.',
  ru: 'Обучение профинансировано Европейским союзом. За его содержание отвечает только ассоциация.',
};

let projectId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await sessionWorld(ctx);
  const project = await world.staff.request({
    method: 'POST',
    url: '/api/v1/projects',
    payload: { associationId: world.association.id, name: 'ENGINE', donor: 'European Union', acknowledgement: ACKNOWLEDGEMENT },
  });
  expect(project.statusCode, project.body).toBe(201);
  projectId = project.json<{ id: string }>().id;
});
afterAll(async () => ctx.close());

const dayLater = dayFromNow(40);

describe('public session page', () => {
  it('renders without script in Uzbek and Russian: times in the session’s zone, price per locale, acknowledgement last', async () => {
    const tashkent = await createSessionVia(world, {
      days: [{ date: dayLater, start: '09:00', end: '17:00' }],
      price: { amount: 1500000, currency: 'UZS' },
      projectId,
    });
    const riga = await createSessionVia(world, {
      timeZone: 'Europe/Riga',
      city: 'Rīga',
      days: [{ date: dayLater, start: '09:00', end: '17:00' }],
    });
    expect(tashkent.days).not.toEqual(riga.days);

    for (const [lang, title, money] of [
      ['uz', 'Yomgʻir suvlarini barqaror boshqarish uchun yashil yechimlar', new Intl.NumberFormat('uz-Latn-UZ', { style: 'currency', currency: 'UZS' }).format(1500000)],
      ['ru', 'Зелёные решения для устойчивого управления дождевыми водами', new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'UZS' }).format(1500000)],
    ] as const) {
      const page = await browser(lang).get(tashkent.publicPath);
      expect(page.status).toBe(200);
      expect(page.html).not.toContain('<script');
      expect(page.html).toContain(`<title>${title}`);
      const text = textOf(page.html);
      expect(text).toContain('09:00–17:00');
      expect(text).not.toContain('04:00');
      expect(text).toContain(money.replace(/\s/g, ' '));
      const acknowledgement = ACKNOWLEDGEMENT[lang];
      expect(text).toContain(acknowledgement);
      // The acknowledgement ends the page: nothing of the page's own content follows it.
      expect(page.html.indexOf(acknowledgement)).toBeGreaterThan(page.html.indexOf('name="idempotencyKey"'));
      expect(page.html.slice(page.html.indexOf(acknowledgement))).not.toContain('<section');
    }

    const rigaPage = await browser('ru').get(riga.publicPath);
    const rigaText = textOf(rigaPage.html);
    expect(rigaText).toContain('09:00–17:00');
    expect(rigaText).not.toMatch(/0[67]:00–1[45]:00/);
    expect(rigaText).toContain('Бесплатно');
    expect(rigaText).not.toContain(ACKNOWLEDGEMENT.ru);
  });

  it('re-renders the form with the field’s error in the visitor’s language, keeping what was typed', async () => {
    const session = await createSessionVia(world);
    const b = browser('uz');
    const form = await b.get(session.publicPath);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.html)![1]!;
    const res = await b.post(`${session.publicPath}/register`, {
      idempotencyKey: key,
      fullName: 'Gʻulomova Oʻgʻiloy',
      email: 'not-an-address',
      privacyConsent: 'yes',
      locale: 'uz',
    });
    expect(res.status).toBe(400);
    expect(res.html).not.toContain('<script');
    const text = textOf(res.html);
    expect(text).toContain('Toʻgʻri e-mail manzilini kiriting.');
    expect(res.html).toContain('value="Gʻulomova Oʻgʻiloy"');
    expect(res.html).toContain(`name="idempotencyKey" value="${key}"`);

    const noConsent = await b.post(`${session.publicPath}/register`, { idempotencyKey: key, fullName: 'Gʻulomova Oʻgʻiloy', email: 'ogiloy@example.uz' });
    expect(noConsent.status).toBe(400);
    expect(textOf(noConsent.html)).toContain('Sizni roʻyxatga olishimiz uchun rozilik bering.');
  });

  it('registers without an account, shows the ticket with its QR code, and a double submit lands on the same ticket', async () => {
    const session = await createSessionVia(world);
    const b = browser('ru');
    const form = await b.get(session.publicPath);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.html)![1]!;
    const fields = { idempotencyKey: key, fullName: 'Шукуров Жасур', nameLatin: 'Shukurov Jasur', email: 'jasur@example.uz', country: 'UZ', sector: 'wastewater', organisation: 'Suvsoz', privacyConsent: 'yes', locale: 'ru' };
    const first = await b.post(`${session.publicPath}/register`, fields);
    expect(first.status).toBe(303);
    expect(first.location).toMatch(/^\/tickets\/[A-Z0-9]{4}-[A-Z0-9]{4}\?token=/);
    const second = await b.post(`${session.publicPath}/register`, fields);
    expect(second.location).toBe(first.location);

    const ticket = await b.get(first.location!);
    expect(ticket.status).toBe(200);
    expect(ticket.html).not.toContain('<script');
    expect(ticket.html).toContain('<svg');
    const text = textOf(ticket.html);
    expect(text).toContain('Ваше место подтверждено.');
    expect(text).toContain(first.location!.slice(9, 18));
    expect(text).toContain('Шукуров Жасур');
  });

  it('says the session is full and offers the waitlist; a closed or future window shows no form', async () => {
    const full = await createSessionVia(world, { capacity: 1 });
    const b = browser('uz');
    await b.get(full.publicPath);
    const form = await b.get(full.publicPath);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.html)![1]!;
    await b.post(`${full.publicPath}/register`, { idempotencyKey: key, fullName: 'Aziza', email: 'aziza@example.uz', privacyConsent: 'yes' });
    const after = await browser('uz').get(full.publicPath);
    expect(textOf(after.html)).toContain('Joy qolmadi — kutish roʻyxatiga yoziling');

    const closed = await createSessionVia(world, { registrationClosesAt: `${dayFromNow(-2)}T10:00` });
    const closedPage = await browser('ru').get(closed.publicPath);
    expect(textOf(closedPage.html)).toContain('Регистрация закрыта.');
    expect(closedPage.html).not.toContain('name="idempotencyKey"');

    const draft = await createSessionVia(world, {}, false);
    expect((await browser('en').get(draft.publicPath)).status).toBe(404);
  });

  it('lists published events and their sessions; the course page lists upcoming sessions', async () => {
    const event = await world.staff.request({
      method: 'POST',
      url: '/api/v1/events',
      payload: {
        associationId: world.association.id,
        title: { en: 'ENGINE WEEK', uz: 'ENGINE HAFTALIGI', ru: 'НЕДЕЛЯ ENGINE' },
        startsOn: dayFromNow(50),
        endsOn: dayFromNow(54),
        timeZone: 'Asia/Tashkent',
        city: 'Tashkent',
        projectId,
      },
    });
    expect(event.statusCode, event.body).toBe(201);
    const { id: eventId, slug } = event.json<{ id: string; slug: string }>();
    const session = await createSessionVia(world, { eventId, days: [{ date: dayFromNow(51), start: '10:00', end: '16:00' }] });
    expect((await world.staff.request({ method: 'POST', url: `/api/v1/events/${eventId}/publish` })).statusCode).toBe(200);

    const list = await browser('ru').get('/events');
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain('НЕДЕЛЯ ENGINE');
    const page = await browser('uz').get(`/events/${world.association.slug}/${slug}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`href="${session.publicPath}"`);
    expect(textOf(page.html)).toContain(ACKNOWLEDGEMENT.uz);

    const course = await world.staff.request({ method: 'GET', url: `/api/v1/courses/${world.courseId}` });
    const coursePage = await browser('en').get(`/catalogue/${world.association.slug}/${course.json<{ slug: string }>().slug}`);
    expect(coursePage.status).toBe(200);
    expect(coursePage.html).toContain(`href="${session.publicPath}"`);
  });
});
