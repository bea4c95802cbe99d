import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { outbox } from '../../platform/mail/tables.js';
import { createSessionVia, dayFromNow, sessionWorld, type SessionWorld } from '../events/session-test-data.js';
import { trainingSessions } from '../events/tables.js';
import { registrations } from './tables.js';

let ctx: TestContext;
let world: SessionWorld;
let ip = 0;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await sessionWorld(ctx);
});
afterAll(async () => ctx.close());

interface Result {
  id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  position: number | null;
  ticketCode: string | null;
  ticketUrl: string | null;
  cancelUrl: string | null;
  alreadyRegistered: boolean;
}

/** A visitor registering through the JSON API, each from their own address (as the public would). */
function register(sessionId: string, person: Record<string, unknown>, options: { key?: string; lang?: string } = {}) {
  ip += 1;
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/sessions/${sessionId}/registrations${options.lang ? `?lang=${options.lang}` : ''}`,
    headers: {
      'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
      ...(options.key ? { 'idempotency-key': options.key } : {}),
    },
    payload: { privacyConsent: true, ...person },
  });
}

const visitor = (n: number, extra: Record<string, unknown> = {}) => ({
  fullName: `Участник Номер ${n}`,
  nameLatin: `Participant ${n}`,
  email: `participant${n}.${Date.now()}@example.uz`,
  gender: n % 2 === 0 ? 'female' : 'male',
  country: 'UZ',
  city: 'Toshkent',
  organisation: `Suvoqova ${n % 5}`,
  sector: 'wastewater',
  ...extra,
});

/** The seat counters the session row keeps, which must always equal its registrations. */
async function seatCounters(sessionId: string) {
  const rows = await ctx.database.db
    .select({ confirmed: trainingSessions.confirmedCount, waitlisted: trainingSessions.waitlistedCount })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId));
  return rows[0];
}

async function mailsFor(template: string, to?: string) {
  return ctx.database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.template, template), to ? eq(outbox.toAddress, to) : undefined));
}

describe('registration', () => {
  it('never exceeds capacity: 200 simultaneous registrations for 20 seats', async () => {
    const session = await createSessionVia(world, { capacity: 20 });
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => register(session.id, visitor(i, { email: `burst${i}@example.uz` }))));
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    const results = responses.map((r) => r.json<Result>());
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(180);
    expect(new Set(results.map((r) => r.id)).size).toBe(200);
    expect(new Set(results.map((r) => r.ticketCode)).size).toBe(200);
    expect(results.filter((r) => r.status === 'waitlisted').map((r) => r.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));

    const rows = await ctx.database.db.select().from(registrations).where(eq(registrations.sessionId, session.id));
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    expect(new Set(rows.map((r) => r.personId)).size).toBe(200);
    const detail = await world.staff.request({ method: 'GET', url: `/api/v1/sessions/${session.id}` });
    expect(detail.json()).toMatchObject({ counts: { confirmed: 20, waitlisted: 180, cancelled: 0 }, seatsLeft: 0 });
    expect(await seatCounters(session.id)).toEqual({ confirmed: 20, waitlisted: 180 });
    expect(await mailsFor('registration.mail.confirmed', 'burst0@example.uz').then((m) => m.length + 0)).toBeLessThanOrEqual(1);
  });

  it('answers a repeated request (same Idempotency-Key) with the same registration and the same answer', async () => {
    const session = await createSessionVia(world);
    const person = visitor(1001);
    const first = await register(session.id, person, { key: 'form-key-1' });
    const second = await register(session.id, person, { key: 'form-key-1' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.json<Result>().ticketUrl).toMatch(/\/tickets\/[A-Z0-9]{4}-[A-Z0-9]{4}\?token=/);
    const rows = await ctx.database.db.select().from(registrations).where(eq(registrations.sessionId, session.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idempotencyKey).not.toBe('form-key-1');
    expect(await mailsFor('registration.mail.confirmed', person.email)).toHaveLength(1);
  });

  it('double submits racing each other still make one registration', async () => {
    const session = await createSessionVia(world);
    const person = visitor(1002);
    const answers = await Promise.all(Array.from({ length: 5 }, () => register(session.id, person, { key: 'double-click' })));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    const rows = await ctx.database.db.select().from(registrations).where(eq(registrations.sessionId, session.id));
    expect(rows).toHaveLength(1);
  });

  it('registers a person once: the same e-mail again gets the existing registration, without its secrets', async () => {
    const session = await createSessionVia(world);
    const person = visitor(1003, { email: 'Dilnoza.Yusupova@Example.uz' });
    const first = await register(session.id, person, { key: 'a' });
    const again = await register(session.id, { ...person, email: 'dilnoza.yusupova@example.uz', fullName: 'Dilnoza Yusupova' }, { key: 'b' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json<Result>().id, alreadyRegistered: true, ticketCode: null, ticketUrl: null, cancelUrl: null });
    const rows = await ctx.database.db.select().from(registrations).where(eq(registrations.sessionId, session.id));
    expect(rows).toHaveLength(1);
  });

  it('cancellation frees the seat for the first on the waitlist, who gets exactly one promotion mail', async () => {
    const session = await createSessionVia(world, { capacity: 2 });
    const results: Result[] = [];
    for (let i = 0; i < 4; i++) results.push((await register(session.id, visitor(2000 + i, { email: `line${i}@example.uz`, locale: i === 2 ? 'kk' : 'en' }))).json<Result>());
    expect(results.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);

    const cancel = await world.staff.request({ method: 'POST', url: `/api/v1/registrations/${results[0]!.id}/cancel`, payload: { reason: 'Ill' } });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json()).toEqual({ id: results[0]!.id, status: 'cancelled', cancelled: true, promoted: [results[2]!.id] });
    expect(await seatCounters(session.id)).toEqual({ confirmed: 2, waitlisted: 1 });
    const promotion = await mailsFor('registration.mail.promoted');
    const forSession = promotion.filter((m) => m.toAddress === 'line2@example.uz');
    expect(forSession).toHaveLength(1);
    expect(forSession[0]!.locale).toBe('kk');
    expect(forSession[0]!.subject).toContain('Орын сіздікі');
    expect(forSession[0]!.textBody).toMatch(/\/tickets\/[A-Z0-9-]+\?token=/);
    expect(promotion.filter((m) => m.toAddress === 'line3@example.uz')).toHaveLength(0);

    const twice = await world.staff.request({ method: 'POST', url: `/api/v1/registrations/${results[0]!.id}/cancel`, payload: {} });
    expect(twice.json()).toMatchObject({ cancelled: false, promoted: [] });
    expect((await mailsFor('registration.mail.promoted')).filter((m) => m.toAddress.startsWith('line'))).toHaveLength(1);

    const list = await world.staff.request({ method: 'GET', url: `/api/v1/sessions/${session.id}/registrations` });
    expect(list.json<{ items: Array<{ email: string; status: string; position: number | null }> }>().items.map((r) => [r.email, r.status, r.position])).toEqual([
      ['line1@example.uz', 'confirmed', null],
      ['line2@example.uz', 'confirmed', null],
      ['line3@example.uz', 'waitlisted', 1],
      ['line0@example.uz', 'cancelled', null],
    ]);
  });

  it('self-service cancellation with the link from the mail promotes the next in line', async () => {
    const session = await createSessionVia(world, { capacity: 1 });
    const seat = (await register(session.id, visitor(3000))).json<Result>();
    const waiting = (await register(session.id, visitor(3001, { email: 'next-in-line@example.uz' }))).json<Result>();
    const url = new URL(seat.ticketUrl!);
    const token = url.searchParams.get('token')!;
    const wrong = await ctx.app.inject({ method: 'GET', url: `${url.pathname}?token=nope` });
    expect(wrong.statusCode).toBe(400);
    const page = await ctx.app.inject({ method: 'GET', url: `${url.pathname}?token=${encodeURIComponent(token)}`, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookies = Object.fromEntries(page.cookies.map((c) => [c.name, c.value]));
    const done = await ctx.app.inject({
      method: 'POST',
      url: `${url.pathname}/cancel`,
      cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.200.0.1' },
      payload: new URLSearchParams({ _csrf: csrf, token, reason: 'Cannot travel' }).toString(),
    });
    expect(done.statusCode, done.body).toBe(303);
    const rows = await ctx.database.db.select().from(registrations).where(eq(registrations.sessionId, session.id));
    expect(rows.find((r) => r.id === seat.id)).toMatchObject({ status: 'cancelled', cancelledReason: 'Cannot travel' });
    expect(rows.find((r) => r.id === waiting.id)).toMatchObject({ status: 'confirmed' });
    expect(await mailsFor('registration.mail.promoted', 'next-in-line@example.uz')).toHaveLength(1);
  });

  it('refuses registrations outside the window, and for a cancelled session, in the visitor’s language', async () => {
    const later = await createSessionVia(world, { registrationOpensAt: `${dayFromNow(10)}T09:00` });
    const early = await register(later.id, visitor(4000), { lang: 'uz' });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { message: string } }>().error.message).toBe('Bu oʻquvga roʻyxatdan oʻtish hali ochilmagan.');

    const closed = await createSessionVia(world, { registrationClosesAt: `${dayFromNow(-1)}T09:00` });
    const late = await register(closed.id, visitor(4001), { lang: 'ru' });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { message: string } }>().error.message).toBe('Регистрация на это обучение закрыта.');

    // Registered once just before: the session was open a moment ago, and the next visitor must still be refused.
    const cancelled = await createSessionVia(world);
    expect((await register(cancelled.id, visitor(4004))).statusCode).toBe(201);
    await world.staff.request({ method: 'POST', url: `/api/v1/sessions/${cancelled.id}/cancel`, payload: { reason: 'Postponed' } });
    const refused = await register(cancelled.id, visitor(4002), { lang: 'lv' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toBe('Šīs mācības ir atceltas; pieteikties nav iespējams.');
    expect(await ctx.database.db.select().from(registrations).where(eq(registrations.sessionId, cancelled.id))).toHaveLength(1);

    const draft = await createSessionVia(world, {}, false);
    expect((await register(draft.id, visitor(4003))).statusCode).toBe(404);
    const rows = await ctx.database.db.select().from(registrations).where(like(registrations.ticketCode, '%'));
    expect(rows.filter((r) => [later.id, closed.id, draft.id].includes(r.sessionId))).toHaveLength(0);
  });

  it('will not delete a session with registrations (409, localised), and cancelling it mails every registrant in their language', async () => {
    const session = await createSessionVia(world, { capacity: 1 });
    await register(session.id, visitor(5000, { email: 'seat@example.uz', locale: 'uz' }));
    await register(session.id, visitor(5001, { email: 'wait@example.uz', locale: 'ru' }));
    const del = await world.staff.request({ method: 'DELETE', url: `/api/v1/sessions/${session.id}?lang=ru` });
    expect(del.statusCode).toBe(409);
    expect(del.json<{ error: { message: string } }>().error.message).toBe(
      'На это обучение уже зарегистрировались, поэтому его нельзя удалить. Отмените его: участники получат уведомление.',
    );
    const cancel = await world.staff.request({ method: 'POST', url: `/api/v1/sessions/${session.id}/cancel`, payload: { reason: 'Zal taʼmirda' } });
    expect(cancel.statusCode).toBe(200);
    const uz = await mailsFor('registration.mail.session_cancelled', 'seat@example.uz');
    const ru = await mailsFor('registration.mail.session_cancelled', 'wait@example.uz');
    expect(uz.map((m) => m.subject)).toEqual([expect.stringMatching(/^Bekor qilindi: /)]);
    expect(uz[0]!.textBody).toContain('Sabab: Zal taʼmirda');
    expect(ru.map((m) => m.subject)).toEqual([expect.stringMatching(/^Отменено: /)]);
    const rows = await ctx.database.db.select().from(registrations).where(eq(registrations.sessionId, session.id));
    expect(rows).toHaveLength(2);
  });

  it('staff register a person of the register; a priced session is invoiced or sponsored', async () => {
    const session = await createSessionVia(world, { price: { amount: 250, currency: 'EUR' }, capacity: 1 });
    const person = await world.staff.request({ method: 'POST', url: '/api/v1/people', payload: { associationId: world.association.id, fullName: 'Aigerim Nurlanova', email: 'aigerim@example.kz' } });
    const res = await world.staff.request({ method: 'POST', url: `/api/v1/sessions/${session.id}/registrations`, payload: { personId: person.json<{ id: string }>().id } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'confirmed', feeMode: 'invoice', ticketCode: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/) });
    const noSponsor = await world.staff.request({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/registrations`,
      payload: { personId: (await world.staff.request({ method: 'POST', url: '/api/v1/people', payload: { associationId: world.association.id, fullName: 'Jānis Bērziņš' } })).json<{ id: string }>().id, feeMode: 'sponsored' },
    });
    expect(noSponsor.statusCode).toBe(400);
    expect(Object.keys(noSponsor.json<{ error: { fields: object } }>().error.fields)).toEqual(['sponsorProjectId']);
  });

  it('raising the capacity gives the new seats to the waitlist at once; lowering it below the seats taken is refused', async () => {
    const session = await createSessionVia(world, { capacity: 1 });
    for (let i = 0; i < 3; i++) await register(session.id, visitor(6000 + i));
    const low = await world.staff.request({ method: 'PATCH', url: `/api/v1/sessions/${session.id}`, payload: { capacity: 0 } });
    expect(low.statusCode).toBe(400);
    const raised = await world.staff.request({ method: 'PATCH', url: `/api/v1/sessions/${session.id}`, payload: { capacity: 2 } });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({ capacity: 2, counts: { confirmed: 2, waitlisted: 1 } });
  });
});
