import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedInAgent, type TestContext } from '../../../test/app.js';
import { createSessionVia, dayFromNow, sessionInput, sessionWorld, type SessionWorld } from './session-test-data.js';

let ctx: TestContext;
let world: SessionWorld;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await sessionWorld(ctx);
});
afterAll(async () => ctx.close());

interface SessionJson {
  id: string;
  slug: string;
  status: string;
  capacity: number;
  timeZone: string;
  days: Array<{ date: string; start: string; end: string; startsAt: string; endsAt: string }>;
  price: { amount: number; currency: string } | null;
  registrationClosesAt: string | null;
  registrationClosesLocal: string | null;
  trainers: Array<{ personId: string; fullName: string; role: string }>;
  partners: Array<{ organisationId: string; name: string }>;
  guests: Array<{ name: string; title: string | null }>;
  counts: { confirmed: number; waitlisted: number; cancelled: number };
  seatsLeft: number;
  publicPath: string;
  course: { title: Record<string, string> };
}

describe('sessions API', () => {
  it('creates a session with days typed in the session’s zone and stored as instants', async () => {
    const trainer = await world.staff.request({
      method: 'POST',
      url: '/api/v1/people',
      payload: { associationId: world.association.id, fullName: 'Ханс Мюллер', nameLatin: 'Hans Müller', email: 'hans@example.de' },
    });
    const partner = await world.staff.request({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { associationId: world.association.id, name: 'Toshkent shahar suv taʼminoti', kind: 'utility' },
    });
    const res = await world.staff.request({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: sessionInput(world.association.id, world.courseId, {
        days: [
          { date: '2031-03-10', start: '09:00', end: '17:00' },
          { date: '2031-03-11', start: '09:00', end: '13:30' },
        ],
        price: { amount: 1500000, currency: 'uzs' },
        registrationClosesAt: '2031-03-08T18:00',
        trainers: [{ personId: trainer.json<{ id: string }>().id, role: 'lead trainer' }],
        partners: [{ organisationId: partner.json<{ id: string }>().id }],
        guests: [{ name: 'Aziz Karimov', title: 'Deputy Minister of Construction' }],
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const session = res.json<SessionJson>();
    expect(session.status).toBe('draft');
    // Made from the course's address, the city and the first day.
    expect(session.slug).toMatch(/^rw-[a-z0-9]+-toshkent-2031-03-10$/);
    // Tashkent is UTC+5 all year.
    expect(session.days.map((d) => [d.date, d.start, d.end, d.startsAt])).toEqual([
      ['2031-03-10', '09:00', '17:00', '2031-03-10T04:00:00.000Z'],
      ['2031-03-11', '09:00', '13:30', '2031-03-11T04:00:00.000Z'],
    ]);
    expect(session.registrationClosesAt).toBe('2031-03-08T13:00:00.000Z');
    expect(session.registrationClosesLocal).toBe('2031-03-08T18:00');
    expect(session.price).toEqual({ amount: 1500000, currency: 'UZS' });
    expect(session.trainers).toEqual([expect.objectContaining({ fullName: 'Ханс Мюллер', role: 'lead trainer' })]);
    expect(session.partners).toEqual([expect.objectContaining({ name: 'Toshkent shahar suv taʼminoti' })]);
    expect(session.guests).toEqual([expect.objectContaining({ name: 'Aziz Karimov', title: 'Deputy Minister of Construction' })]);
    expect(session.counts).toEqual({ confirmed: 0, waitlisted: 0, cancelled: 0 });
    expect(session.seatsLeft).toBe(20);

    const read = await world.staff.request({ method: 'GET', url: `/api/v1/sessions/${session.id}` });
    expect(read.json()).toEqual(session);
  });

  it('reads daylight saving in Riga: the same clock time is a different instant in winter and summer', async () => {
    const res = await world.staff.request({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: sessionInput(world.association.id, world.courseId, {
        timeZone: 'Europe/Riga',
        city: 'Rīga',
        days: [
          { date: '2031-01-15', start: '10:00', end: '16:00' },
          { date: '2031-07-15', start: '10:00', end: '16:00' },
        ],
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<SessionJson>().days.map((d) => d.startsAt)).toEqual(['2031-01-15T08:00:00.000Z', '2031-07-15T07:00:00.000Z']);
  });

  it('moving a session to another zone keeps each day’s clock times', async () => {
    const session = await createSessionVia(world, { days: [{ date: '2031-05-05', start: '09:00', end: '12:00' }] }, false);
    const res = await world.staff.request({ method: 'PATCH', url: `/api/v1/sessions/${session.id}`, payload: { timeZone: 'Europe/Riga' } });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json<SessionJson>();
    expect(moved.days.map((d) => [d.start, d.startsAt])).toEqual([['09:00', '2031-05-05T06:00:00.000Z']]);
  });

  it('answers bad input with a message per field, in the caller’s language', async () => {
    const res = await world.staff.request({
      method: 'POST',
      url: '/api/v1/sessions?lang=ru',
      payload: sessionInput(world.association.id, world.courseId, {
        timeZone: 'Asia/Nowhere',
        format: 'hybrid',
        price: { amount: 10.555, currency: 'XYZ' },
      }),
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{ error: { fields: Record<string, string> } }>();
    expect(error.fields).toMatchObject({
      timeZone: 'Введите часовой пояс, например Asia/Tashkent, Asia/Almaty или Europe/Riga.',
      'price.amount': 'Введите сумму больше 0, не более двух знаков после запятой.',
      'price.currency': 'Введите трёхбуквенный код валюты, например UZS, KZT или EUR.',
      onlineUrl: 'Укажите ссылку для онлайн- или смешанного обучения.',
    });

    const days = await world.staff.request({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: sessionInput(world.association.id, world.courseId, {
        timeZone: 'Europe/Riga',
        days: [
          { date: '2031-03-30', start: '03:30', end: '05:00' },
          { date: '2031-03-31', start: '10:00', end: '09:00' },
          { date: '2031-03-31', start: '10:00', end: '11:00' },
          { date: '2031-02-30', start: '10:00', end: '11:00' },
        ],
      }),
    });
    expect(days.statusCode).toBe(400);
    expect(Object.keys(days.json<{ error: { fields: Record<string, string> } }>().error.fields).sort()).toEqual([
      'days.0.start',
      'days.1.end',
      'days.2.date',
      'days.3.date',
    ]);
  });

  it('lets only staff of the association write, and hides sessions from other associations', async () => {
    const session = await createSessionVia(world, {}, false);
    const outsider = await signedInAgent(ctx);
    expect((await outsider.request({ method: 'GET', url: `/api/v1/sessions/${session.id}` })).statusCode).toBe(404);
    const trainer = await signedInAgent(ctx, { roles: [[world.association.id, 'trainer']] });
    expect((await trainer.request({ method: 'GET', url: `/api/v1/sessions/${session.id}` })).statusCode).toBe(200);
    expect((await trainer.request({ method: 'PATCH', url: `/api/v1/sessions/${session.id}`, payload: { capacity: 5 } })).statusCode).toBe(403);
    const list = await outsider.request({ method: 'GET', url: '/api/v1/sessions' });
    expect(list.json<{ total: number }>().total).toBe(0);
  });

  it('publishes, cancels with a reason (kept), and refuses to publish a cancelled session', async () => {
    const session = await createSessionVia(world, {}, true);
    expect(session.status).toBe('published');
    const noReason = await world.staff.request({ method: 'POST', url: `/api/v1/sessions/${session.id}/cancel`, payload: { reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    const cancelled = await world.staff.request({ method: 'POST', url: `/api/v1/sessions/${session.id}/cancel`, payload: { reason: 'The venue is closed for repairs.' } });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledReason: 'The venue is closed for repairs.' });
    const again = await world.staff.request({ method: 'POST', url: `/api/v1/sessions/${session.id}/publish?lang=lv` });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toBe('Šīs mācības ir atceltas, tās nevar publicēt vēlreiz.');
  });

  it('deletes a session nobody registered for', async () => {
    const session = await createSessionVia(world, {}, false);
    const res = await world.staff.request({ method: 'DELETE', url: `/api/v1/sessions/${session.id}` });
    expect(res.statusCode).toBe(204);
    expect((await world.staff.request({ method: 'GET', url: `/api/v1/sessions/${session.id}` })).statusCode).toBe(404);
  });

  it('lists sessions soonest first, with the course and seats', async () => {
    await createSessionVia(world, { days: [{ date: dayFromNow(3), start: '10:00', end: '12:00' }] }, false);
    const res = await world.staff.request({ method: 'GET', url: `/api/v1/sessions?associationId=${world.association.id}&upcoming=true` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: SessionJson[]; total: number }>();
    expect(page.total).toBeGreaterThan(0);
    const starts = page.items.map((s) => s.days[0]!.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(page.items[0]!.course.title.en).toBe('Green solutions for sustainable rainwater management');
  });
});
