import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import { outbox } from '../../platform/mail/tables.js';
import type { AssociationRow } from '../associations/repository.js';
import { todayIn } from '../events/session-times.js';
import { queueDueCompletionMails } from './completion-mail-pass.js';
import { seedRegistrant, seedSession, type SeededRegistrant, type SeededSession } from './attendance-test-data.js';
import { testMessages } from '../../../test/app.js';

let ctx: TestContext;
let assoc: AssociationRow;
let staff: Agent;

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const past = (count: number) => Array.from({ length: count }, (_, i) => shift(todayIn('Asia/Tashkent'), i - count - 1));

interface Item {
  registrationId: string;
  attendedDays: number;
  attendancePercent: number;
  testScore: number | null;
  computedCompleted: boolean;
  completed: boolean;
  overridden: boolean;
  overrideReason: string | null;
  verificationCode: string;
}

beforeAll(async () => {
  ctx = await createTestApp();
  assoc = await makeAssociation(ctx);
  staff = await signedInAgent(ctx, { roles: [[assoc.id, 'staff']] });
});
afterAll(async () => ctx.close());

async function attend(session: SeededSession, who: SeededRegistrant, days: number) {
  for (const day of session.days.slice(0, days)) {
    const res = await staff.request({ method: 'PUT', url: `/api/v1/sessions/${session.sessionId}/attendance`, payload: { registrationId: who.registrationId, dayId: day.id, present: true } });
    expect(res.statusCode, res.body).toBe(200);
  }
}

async function completions(session: SeededSession): Promise<Record<string, Item>> {
  const res = await staff.request({ method: 'POST', url: `/api/v1/sessions/${session.sessionId}/completions/compute` });
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(res.json<{ items: Item[] }>().items.map((i) => [i.registrationId, i]));
}

async function history(session: SeededSession, who: SeededRegistrant) {
  const res = await staff.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/completions/${who.registrationId}/history` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Array<{ kind: string; completed: boolean; reason: string; actorName: string | null }> }>().items;
}

describe('completion computed from the rule', () => {
  it('completes at 80 % of days and not below (4 and 3 of 5 days)', async () => {
    const db = ctx.database.db;
    const session = await seedSession(db, assoc.id, { days: past(5), minAttendancePercent: 80 });
    const four = await seedRegistrant(db, session, { fullName: 'Four Days' });
    const three = await seedRegistrant(db, session, { fullName: 'Three Days' });
    await attend(session, four, 4);
    await attend(session, three, 3);
    const items = await completions(session);
    expect(items[four.registrationId]).toMatchObject({ attendedDays: 4, attendancePercent: 80, completed: true, computedCompleted: true });
    expect(items[three.registrationId]).toMatchObject({ attendedDays: 3, attendancePercent: 60, completed: false });
    expect(items[four.registrationId]!.verificationCode).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
  });

  it('compares the exact share of days: 2 of 3 misses a 67 % rule', async () => {
    const db = ctx.database.db;
    const session = await seedSession(db, assoc.id, { days: past(3), minAttendancePercent: 67 });
    const two = await seedRegistrant(db, session, { fullName: 'Two Days' });
    await attend(session, two, 2);
    expect((await completions(session))[two.registrationId]).toMatchObject({ attendancePercent: 66, completed: false });
  });

  it('with a final test: completed only once a passing result is entered', async () => {
    const db = ctx.database.db;
    const session = await seedSession(db, assoc.id, { days: past(2), requiresFinalTest: true, minTestScore: 60 });
    const who = await seedRegistrant(db, session, { fullName: 'Tested' });
    await attend(session, who, 2);
    expect((await completions(session))[who.registrationId]).toMatchObject({ attendancePercent: 100, testScore: null, completed: false });
    const score = (value: number) => staff.request({ method: 'PUT', url: `/api/v1/sessions/${session.sessionId}/test-results`, payload: { registrationId: who.registrationId, score: value } });
    expect((await score(59.5)).json()).toMatchObject({ completed: false });
    expect((await score(60)).json()).toMatchObject({ completed: true });
    expect((await completions(session))[who.registrationId]).toMatchObject({ testScore: 60, completed: true });
    const entries = await history(session, who);
    expect(entries.map((e) => [e.kind, e.completed])).toEqual([['computed', true]]);
  });
});

describe('overrides', () => {
  it('are kept with the reason and the actor in history, survive recomputation until removed', async () => {
    const db = ctx.database.db;
    const session = await seedSession(db, assoc.id, { days: past(5) });
    const who = await seedRegistrant(db, session, { fullName: 'Дилноза Каримова' });
    await attend(session, who, 2);
    const url = `/api/v1/sessions/${session.sessionId}/completions/${who.registrationId}/override`;

    const noReason = await staff.request({ method: 'PUT', url, payload: { completed: true, reason: '   ' } });
    expect(noReason.statusCode).toBe(400);
    expect(Object.keys(noReason.json().error.fields)).toEqual(['reason']);

    const reason = 'Attended the make-up session in Samarkand on 20 May';
    const res = await staff.request({ method: 'PUT', url, payload: { completed: true, reason } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ completed: true, computedCompleted: false, overridden: true, overrideReason: reason });

    // Attendance changes and recomputation leave the decision in force.
    await attend(session, who, 3);
    expect((await completions(session))[who.registrationId]).toMatchObject({ attendedDays: 3, completed: true, overridden: true, overrideReason: reason });

    const entries = await history(session, who);
    expect(entries[0]).toMatchObject({ kind: 'override', completed: true, reason, actorName: expect.any(String) });

    const removed = await staff.request({ method: 'DELETE', url: `${url}?reason=${encodeURIComponent('Make-up session not recognised')}` });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ completed: false, overridden: false, overrideReason: null });
    const after = await history(session, who);
    expect(after.map((e) => [e.kind, e.completed])).toEqual([
      ['computed', false],
      ['override_removed', true],
      ['override', true],
    ]);
    expect((await staff.request({ method: 'DELETE', url })).statusCode).toBe(409);
  });
});

describe('completion mail', () => {
  it('goes out once, in the registrant’s language, with the certificate link, once the last day has begun', async () => {
    const db = ctx.database.db;
    const session = await seedSession(db, assoc.id, { days: past(2) });
    const who = await seedRegistrant(db, session, { fullName: 'Ғуломов Ўктам', email: 'oktam@example.org', locale: 'uz' });
    await attend(session, who, 2);
    await completions(session);
    await completions(session);
    const mails = await db.select().from(outbox).where(eq(outbox.toAddress, 'oktam@example.org'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.locale).toBe('uz');
    expect(mails[0]!.dedupeKey).toBe(`registration:${who.registrationId}:completed`);
    const link = /https?:\/\/\S+\/tickets\/[^/\s]+\/certificate\.pdf\?token=\S+/.exec(mails[0]!.textBody)?.[0];
    expect(link).toBeDefined();
    const pdf = await ctx.app.inject({ method: 'GET', url: link!.replace(/^https?:\/\/[^/]+/, '') });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('is held until the last day begins, then sent by the background pass', async () => {
    const db = ctx.database.db;
    const today = todayIn('Asia/Tashkent');
    const session = await seedSession(db, assoc.id, { days: [shift(today, -2), shift(today, -1), shift(today, 3)], minAttendancePercent: 60 });
    const who = await seedRegistrant(db, session, { fullName: 'Early Bird', email: 'early@example.org' });
    await attend(session, who, 2);
    expect((await completions(session))[who.registrationId]).toMatchObject({ completed: true });
    const held = await db.select().from(outbox).where(eq(outbox.toAddress, 'early@example.org'));
    expect(held).toHaveLength(0);

    const deps = { messages: testMessages(), publicUrl: ctx.config.publicUrl };
    await queueDueCompletionMails(db, deps, new Date());
    expect(await db.select().from(outbox).where(eq(outbox.toAddress, 'early@example.org'))).toHaveLength(0);
    const lastDayBegun = new Date(Date.now() + 4 * DAY_MS);
    expect(await queueDueCompletionMails(db, deps, lastDayBegun)).toEqual({ sessions: 1 });
    await queueDueCompletionMails(db, deps, lastDayBegun);
    const sent = await db.select().from(outbox).where(like(outbox.dedupeKey, `registration:${who.registrationId}:%`));
    expect(sent.map((m) => m.template)).toEqual(['registration.completion.mail']);
  });
});
