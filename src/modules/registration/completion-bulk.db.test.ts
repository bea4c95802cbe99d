import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMessages } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createUser } from '../accounts/create-user.js';
import { insertAssociation } from '../associations/repository.js';
import { loadSessionFacts } from '../events/get-session.js';
import { writeMarkRows, writeTestResult } from './attendance-repository.js';
import { seedRegistrant, seedSession, type SeededSession, type SessionOptions } from './attendance-test-data.js';
import { computeCompletions, recomputeSessionCompletions } from './completion-compute.js';
import { attendancePercent, meetsRule } from './completion-rule.js';
import { appendHistory, writeCompletions } from './completions-repository.js';
import { completionHistory, completions } from './tables.js';

let database: TestDatabase;
let associationId: string;
let actorId: string;
const deps = { messages: testMessages(), publicUrl: 'https://usta.example.org' };

const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];

beforeAll(async () => {
  database = await createTestDatabase();
  const association = await insertAssociation(database.db, {
    slug: `bulk-${Date.now()}`,
    name: 'Association of Consulting Engineers of Kazakhstan',
    shortName: 'ACE-KZ',
    country: 'KZ',
    defaultLocale: 'kk',
    timeZone: 'Asia/Almaty',
  });
  associationId = association.id;
  actorId = (await createUser(database.db, { email: `bulk-${Date.now()}@example.org`, displayName: 'Staff', password: 'correct horse battery' })).id;
});
afterAll(async () => database.destroy());

interface Case {
  registrationId: string;
  attended: number;
  score: number | null;
}

/**
 * A session with one registrant for every number of days attended and every kind of test result;
 * the days not attended are marked absent or left unmarked in turn.
 */
async function sessionWithEveryCase(options: SessionOptions, scores: Array<number | null>): Promise<{ session: SeededSession; cases: Case[] }> {
  const db = database.db;
  const session = await seedSession(db, associationId, { timeZone: 'Asia/Almaty', ...options });
  const cases: Case[] = [];
  for (let attended = 0; attended <= session.days.length; attended++) {
    for (const score of scores) {
      const who = await seedRegistrant(db, session, { fullName: `Нурлан Өтепбаев ${cases.length}` });
      const marks = session.days.map((_, day) => (day < attended ? '1' : (day + cases.length) % 2 ? '0' : '.')).join('');
      await writeMarkRows(db, [{ r: who.registrationId, m: marks }], session.days.map((d) => d.id), 'sheet', actorId);
      if (score !== null) await writeTestResult(db, who.registrationId, score, actorId);
      cases.push({ registrationId: who.registrationId, attended, score });
    }
  }
  return { session, cases };
}

async function recordsOf(ids: string[]) {
  const rows = await database.db.select().from(completions).where(inArray(completions.registrationId, ids));
  return new Map(rows.map((r) => [r.registrationId, r]));
}

async function historyCount(ids: string[]): Promise<number> {
  return (await database.db.select().from(completionHistory).where(inArray(completionHistory.registrationId, ids))).length;
}

async function facts(session: SeededSession) {
  const loaded = await loadSessionFacts(database.db, session.sessionId);
  if (!loaded) throw new Error('session not found');
  return loaded;
}

describe('recomputing a whole session in one statement', () => {
  const rules: Array<[string, SessionOptions, Array<number | null>]> = [
    ['80 % of five days', { days: DAYS, minAttendancePercent: 80 }, [null]],
    ['67 % of three days (2 of 3 is 66.67 %)', { days: DAYS.slice(0, 3), minAttendancePercent: 67 }, [null]],
    ['half the days and a test of at least 70', { days: DAYS.slice(0, 4), minAttendancePercent: 50, requiresFinalTest: true, minTestScore: 70 }, [null, 0, 69.99, 70, 100]],
    ['every day and any test result', { days: DAYS.slice(0, 2), minAttendancePercent: 100, requiresFinalTest: true, minTestScore: null }, [null, 0, 55.5]],
    ['no days at all', { days: [], minAttendancePercent: 0 }, [null]],
  ];

  it.each(rules)('agrees with the rule case by case: %s', async (_name, options, scores) => {
    const { session, cases } = await sessionWithEveryCase(options, scores);
    const loaded = await facts(session);
    const rule = { minAttendancePercent: loaded.minAttendancePercent, requiresFinalTest: loaded.requiresFinalTest, minTestScore: loaded.minTestScore };
    const dayCount = loaded.days.length;

    expect(await recomputeSessionCompletions(database.db, loaded, actorId)).toBe(cases.length);
    const records = await recordsOf(cases.map((c) => c.registrationId));
    for (const c of cases) {
      const record = records.get(c.registrationId);
      const expected = {
        completed: meetsRule(rule, { attendedDays: c.attended, dayCount, testScore: c.score }),
        attendancePercent: attendancePercent(c.attended, dayCount),
        overridden: false,
      };
      expect({ ...c, ...record }).toMatchObject({ ...c, ...expected, verificationCode: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/) });
    }
    expect(new Set([...records.values()].map((r) => r.verificationCode)).size).toBe(cases.length);
    // Only a change of status is history: none → completed.
    expect(await historyCount(cases.map((c) => c.registrationId))).toBe([...records.values()].filter((r) => r.completed).length);

    // The one-by-one computation finds nothing to change.
    await database.db.transaction(async (tx) => {
      const computed = await computeCompletions(tx, deps, { session: loaded, actorId, now: new Date(), mail: false });
      for (const row of computed) expect(row.computedCompleted).toBe(records.get(row.registrationId)!.completed);
    });
    expect(await recordsOf(cases.map((c) => c.registrationId))).toEqual(records);
  });

  it('writes only what changed, keeps codes and overrides, and records each change of status once', async () => {
    const db = database.db;
    const session = await seedSession(db, associationId, { days: DAYS.slice(0, 3), minAttendancePercent: 60 });
    const dayIds = session.days.map((d) => d.id);
    const [aigerim, janis, oktam] = [
      await seedRegistrant(db, session, { fullName: 'Айгерим Нурланова', nameLatin: 'Aigerim Nurlanova' }),
      await seedRegistrant(db, session, { fullName: 'Jānis Bērziņš' }),
      await seedRegistrant(db, session, { fullName: 'Gʻulomov Oʻktam' }),
    ];
    const ids = [aigerim.registrationId, janis.registrationId, oktam.registrationId];
    await writeMarkRows(db, [{ r: aigerim.registrationId, m: '111' }, { r: janis.registrationId, m: '100' }], dayIds, 'sheet', actorId);
    const loaded = await facts(session);

    expect(await recomputeSessionCompletions(db, loaded, actorId)).toBe(3);
    const first = await recordsOf(ids);
    expect(first.get(aigerim.registrationId)).toMatchObject({ completed: true, attendancePercent: 100 });
    expect(first.get(janis.registrationId)).toMatchObject({ completed: false, attendancePercent: 33 });
    expect(await historyCount(ids)).toBe(1);

    // Again, with nothing changed: nothing written, no history.
    expect(await recomputeSessionCompletions(db, loaded, actorId)).toBe(0);
    expect(await recordsOf(ids)).toEqual(first);
    expect(await historyCount(ids)).toBe(1);

    // Staff override Oʻktam to completed; Jānis attends the other days.
    await writeCompletions(db, [{ registrationId: oktam.registrationId, completed: true, attendancePercent: 0, overridden: true, verificationCode: first.get(oktam.registrationId)!.verificationCode }]);
    await appendHistory(db, [{ registrationId: oktam.registrationId, completed: true, kind: 'override', reason: 'Attended the make-up day', actorId }]);
    await writeMarkRows(db, [{ r: janis.registrationId, m: '.11' }, { r: oktam.registrationId, m: '1..' }], dayIds, 'sheet', actorId);

    expect(await recomputeSessionCompletions(db, loaded, actorId)).toBe(2);
    const second = await recordsOf(ids);
    expect(second.get(janis.registrationId)).toMatchObject({ completed: true, attendancePercent: 100, verificationCode: first.get(janis.registrationId)!.verificationCode });
    expect(second.get(oktam.registrationId)).toMatchObject({ completed: true, overridden: true, attendancePercent: 33, verificationCode: first.get(oktam.registrationId)!.verificationCode });
    expect(second.get(aigerim.registrationId)).toEqual(first.get(aigerim.registrationId));
    const janisHistory = await db.select().from(completionHistory).where(eq(completionHistory.registrationId, janis.registrationId));
    expect(janisHistory).toMatchObject([{ completed: true, kind: 'computed', reason: 'computed', actorId }]);
    expect(await historyCount(ids)).toBe(3);
  });
});
