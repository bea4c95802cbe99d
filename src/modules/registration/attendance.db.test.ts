import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, signInAgent, type Agent, type TestContext } from '../../../test/app.js';
import { createUser } from '../accounts/create-user.js';
import { addMembership } from '../accounts/repository.js';
import type { AssociationRow } from '../associations/repository.js';
import { todayIn } from '../events/session-times.js';
import { addTrainer, seedRegistrant, seedSession, type SeededRegistrant, type SeededSession } from './attendance-test-data.js';

let ctx: TestContext;
let assoc: AssociationRow;
let staff: Agent;
let session: SeededSession;
let other: SeededSession;
let aigerim: SeededRegistrant;
let jonas: SeededRegistrant;
let waiting: SeededRegistrant;
let gone: SeededRegistrant;
let elsewhere: SeededRegistrant;

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  assoc = await makeAssociation(ctx);
  staff = await signedInAgent(ctx, { roles: [[assoc.id, 'staff']] });
  const today = todayIn('Asia/Tashkent');
  session = await seedSession(db, assoc.id, { days: [shift(today, -1), today, shift(today, 1)] });
  other = await seedSession(db, assoc.id, { days: [today] });
  aigerim = await seedRegistrant(db, session, { fullName: 'Айгерим Нурланова', nameLatin: 'Aigerim Nurlanova' });
  jonas = await seedRegistrant(db, session, { fullName: 'Jānis Bērziņš' });
  waiting = await seedRegistrant(db, session, { fullName: 'Ғуломов Ўктам', status: 'waitlisted' });
  gone = await seedRegistrant(db, session, { fullName: 'Ērika Liepa', status: 'cancelled' });
  elsewhere = await seedRegistrant(db, other, { fullName: 'Oʻktam Gʻulomov' });
});
afterAll(async () => ctx.close());

const checkIn = (agent: Agent, sessionId: string, payload: Record<string, unknown>, lang = 'en') =>
  agent.request({ method: 'POST', url: `/api/v1/sessions/${sessionId}/check-in?lang=${lang}`, payload });

describe('check-in by typed ticket code', () => {
  it('marks the registrant present for today, in the session’s zone, tolerating case, spaces and dashes', async () => {
    const typed = ` ${aigerim.ticketCode.toLowerCase().replace('-', ' ')} `;
    const res = await checkIn(staff, session.sessionId, { code: typed });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'checked_in',
      registrationId: aigerim.registrationId,
      fullName: 'Айгерим Нурланова',
      nameLatin: 'Aigerim Nurlanova',
      ticketCode: aigerim.ticketCode,
      dayId: session.days[1]!.id,
      day: session.days[1]!.day,
    });
  });

  it('is idempotent: a second scan says so and changes nothing', async () => {
    const first = await staff.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/attendance` });
    const res = await checkIn(staff, session.sessionId, { code: aigerim.ticketCode.replace('-', '') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'already_checked_in', registrationId: aigerim.registrationId });
    const again = await staff.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/attendance` });
    expect(again.json()).toEqual(first.json());
  });

  it('checks in for a chosen day', async () => {
    const res = await checkIn(staff, session.sessionId, { code: jonas.ticketCode, dayId: session.days[0]!.id });
    expect(res.json()).toMatchObject({ status: 'checked_in', day: session.days[0]!.day });
    const wrongDay = await checkIn(staff, session.sessionId, { code: jonas.ticketCode, dayId: other.days[0]!.id });
    expect(wrongDay.statusCode).toBe(400);
    expect(wrongDay.json().error.fields.dayId).toBe('Choose a day of this session.');
  });

  it('refuses a ticket of another session, in the caller’s language', async () => {
    const res = await checkIn(staff, session.sessionId, { code: elsewhere.ticketCode });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe(`Ticket ${elsewhere.ticketCode} is not registered for this session.`);
    const ru = await checkIn(staff, session.sessionId, { code: elsewhere.ticketCode }, 'ru');
    expect(ru.json().error.message).toContain(elsewhere.ticketCode);
    expect(ru.json().error.message).not.toBe(res.json().error.message);
  });

  it('refuses a waitlisted or cancelled registration, naming the person in their own script', async () => {
    const res = await checkIn(staff, session.sessionId, { code: waiting.ticketCode });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Ғуломов Ўктам is on the waiting list, not confirmed: no seat, no check-in.');
    const cancelled = await checkIn(staff, session.sessionId, { code: gone.ticketCode });
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().error.message).toContain('Ērika Liepa');
    const list = await staff.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/attendance` });
    expect(list.json().rows.map((r: { registrationId: string }) => r.registrationId)).not.toContain(waiting.registrationId);
  });

  it('says what is wrong with something that is not a ticket code', async () => {
    const res = await checkIn(staff, session.sessionId, { code: 'HELLO' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.code).toBe('A ticket code has 8 letters and digits, such as K7QM-4XPZ.');
  });

  it('asks for a day when the session has none today', async () => {
    const later = await seedSession(ctx.database.db, assoc.id, { days: [shift(todayIn('Asia/Tashkent'), 10)] });
    const someone = await seedRegistrant(ctx.database.db, later, { fullName: 'Someone' });
    const res = await checkIn(staff, later.sessionId, { code: someone.ticketCode });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['dayId']);
  });
});

describe('who may record attendance', () => {
  it('hides the session from other associations, lets its trainers record, and keeps imports to staff', async () => {
    const db = ctx.database.db;
    const stranger = await signedInAgent(ctx, { roles: [[(await makeAssociation(ctx)).id, 'staff']] });
    expect((await checkIn(stranger, session.sessionId, { code: jonas.ticketCode })).statusCode).toBe(404);
    expect((await stranger.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/attendance` })).statusCode).toBe(404);

    const trainerPerson = await seedRegistrant(db, other, { fullName: 'Trainer Person' });
    await addTrainer(db, session.sessionId, trainerPerson.personId);
    const email = `trainer.${Date.now()}@example.org`;
    const user = await createUser(db, { email, displayName: 'Trainer', password: 'correct horse battery', personId: trainerPerson.personId });
    await addMembership(db, user.id, assoc.id, 'trainer');
    const trainer = await signInAgent(ctx, email, user.id);
    const res = await checkIn(trainer, session.sessionId, { code: jonas.ticketCode });
    expect(res.statusCode, res.body).toBe(200);
    const list = await trainer.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/attendance` });
    expect(list.json().canManage).toBe(false);
    // A trainer of the association, but not of this session.
    expect((await checkIn(trainer, other.sessionId, { code: elsewhere.ticketCode })).statusCode).toBe(403);
    const override = await trainer.request({
      method: 'PUT',
      url: `/api/v1/sessions/${session.sessionId}/completions/${jonas.registrationId}/override`,
      payload: { completed: true, reason: 'Because' },
    });
    expect(override.statusCode).toBe(403);
  });
});

describe('per-day tick list', () => {
  it('lists confirmed registrants by day and saves each tick at once', async () => {
    const url = `/api/v1/sessions/${session.sessionId}/attendance`;
    const tick = (registrationId: string, dayId: string, present: boolean) => staff.request({ method: 'PUT', url, payload: { registrationId, dayId, present } });
    // Jonas was checked in on the first day and (by the trainer) today.
    const res = await tick(jonas.registrationId, session.days[2]!.id, true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ registrationId: jonas.registrationId, dayId: session.days[2]!.id, present: true, attendancePercent: 100, completed: true });
    const off = await tick(jonas.registrationId, session.days[1]!.id, false);
    expect(off.json()).toMatchObject({ present: false, attendancePercent: 66, completed: false });
    const untick = await tick(aigerim.registrationId, session.days[1]!.id, false);
    expect(untick.json()).toMatchObject({ present: false, attendancePercent: 0 });

    const list = await staff.request({ method: 'GET', url });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.session.days.map((d: { day: string }) => d.day)).toEqual(session.days.map((d) => d.day));
    expect(body.today).toBe(todayIn('Asia/Tashkent'));
    expect(body.canManage).toBe(true);
    const byId = Object.fromEntries(body.rows.map((r: { registrationId: string }) => [r.registrationId, r]));
    expect(Object.keys(byId).sort()).toEqual([aigerim.registrationId, jonas.registrationId].sort());
    expect(byId[aigerim.registrationId].marks).toEqual({ [session.days[1]!.id]: false });
    expect(byId[jonas.registrationId].marks).toEqual({ [session.days[0]!.id]: true, [session.days[1]!.id]: false, [session.days[2]!.id]: true });

    const third = await tick(jonas.registrationId, session.days[1]!.id, true);
    expect(third.json()).toMatchObject({ attendancePercent: 100, completed: true });
  });

  it('refuses registrants who are not confirmed for this session', async () => {
    const url = `/api/v1/sessions/${session.sessionId}/attendance`;
    for (const registrationId of [waiting.registrationId, elsewhere.registrationId]) {
      const res = await staff.request({ method: 'PUT', url, payload: { registrationId, dayId: session.days[0]!.id, present: true } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.registrationId).toBe('Choose a confirmed registrant of this session.');
    }
  });
});

describe('final test results', () => {
  it('are entered, corrected and removed by the trainer or staff, within 0–100', async () => {
    const url = `/api/v1/sessions/${session.sessionId}/test-results`;
    const put = (score: number | null) => staff.request({ method: 'PUT', url, payload: { registrationId: aigerim.registrationId, score } });
    expect((await put(87.5)).json()).toMatchObject({ registrationId: aigerim.registrationId, score: 87.5 });
    expect((await put(101)).statusCode).toBe(400);
    expect((await put(null)).json()).toMatchObject({ score: null });
  });
});
