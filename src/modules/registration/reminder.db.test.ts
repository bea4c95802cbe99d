import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, testMessages, type TestContext } from '../../../test/app.js';
import { outbox } from '../../platform/mail/tables.js';
import { seedRegistrant, seedSession, type SeededRegistrant } from './attendance-test-data.js';
import { queueSessionReminders } from './reminder-pass.js';

let ctx: TestContext;
let tashkent: { ru: SeededRegistrant; uz: SeededRegistrant; waiting: SeededRegistrant; noMail: SeededRegistrant };
let cancelledSession: SeededRegistrant;

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  const assoc = await makeAssociation(ctx);
  const session = await seedSession(db, assoc.id, { days: ['2031-05-12', '2031-05-13'], timeZone: 'Asia/Tashkent' });
  tashkent = {
    ru: await seedRegistrant(db, session, { fullName: 'Щёголев Юрий', email: 'yuri@example.org', locale: 'ru' }),
    uz: await seedRegistrant(db, session, { fullName: 'Oʻktam Gʻulomov', email: 'oktam@example.org', locale: 'uz' }),
    waiting: await seedRegistrant(db, session, { fullName: 'Waiting', email: 'waiting@example.org', status: 'waitlisted' }),
    noMail: await seedRegistrant(db, session, { fullName: 'No Mail', email: null }),
  };
  const rigaSession = await seedSession(db, assoc.id, { days: ['2031-05-12'], timeZone: 'Europe/Riga', city: 'Rīga' });
  await seedRegistrant(db, rigaSession, { fullName: 'Jānis Bērziņš', email: 'janis@example.org', locale: 'lv' });
  const gone = await seedSession(db, assoc.id, { days: ['2031-05-12'], status: 'cancelled' });
  cancelledSession = await seedRegistrant(db, gone, { fullName: 'Cancelled Session', email: 'gone@example.org' });
});
afterAll(async () => ctx.close());

const deps = () => ({ messages: testMessages(), publicUrl: ctx.config.publicUrl });
const mailsTo = (...addresses: string[]) => ctx.database.db.select().from(outbox).where(inArray(outbox.toAddress, addresses));

describe('reminder the day before', () => {
  it('is not sent two days before, nor before 08:00 on the day before, where the session takes place', async () => {
    const db = ctx.database.db;
    expect(await queueSessionReminders(db, deps(), new Date('2031-05-10T06:00:00Z'))).toEqual({ sessions: 0, mails: 0 });
    // 07:30 in Tashkent (UTC+5) on 11 May.
    expect(await queueSessionReminders(db, deps(), new Date('2031-05-11T02:30:00Z'))).toEqual({ sessions: 0, mails: 0 });
  });

  it('is queued once for tomorrow’s session, in each registrant’s language, for confirmed registrants with an e-mail', async () => {
    const db = ctx.database.db;
    // 09:00 in Tashkent, 07:00 in Riga: only the Tashkent session is due.
    const first = await queueSessionReminders(db, deps(), new Date('2031-05-11T04:00:00Z'));
    expect(first).toEqual({ sessions: 1, mails: 2 });
    const mails = await mailsTo('yuri@example.org', 'oktam@example.org', 'waiting@example.org', 'janis@example.org', 'gone@example.org');
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['oktam@example.org', 'yuri@example.org']);
    const ru = mails.find((m) => m.toAddress === 'yuri@example.org')!;
    expect(ru.locale).toBe('ru');
    expect(ru.dedupeKey).toBe(`registration:${tashkent.ru.registrationId}:reminder`);
    expect(ru.textBody).toContain('Щёголев Юрий');
    expect(ru.textBody).toContain(tashkent.ru.ticketCode);
    expect(ru.subject).toBe(testMessages().format('ru', 'registration.attendance.reminder.subject', { course: 'Зелёные решения для устойчивого управления дождевыми водами' }));
    const uz = mails.find((m) => m.toAddress === 'oktam@example.org')!;
    expect(uz.locale).toBe('uz');
    expect(uz.subject).toContain('Barqaror yomgʻir suvini boshqarish uchun yashil yechimlar');

    // Later passes the same day (or by a second server) add nothing.
    expect(await queueSessionReminders(db, deps(), new Date('2031-05-11T10:00:00Z'))).toMatchObject({ mails: 1 });
    expect(await queueSessionReminders(db, deps(), new Date('2031-05-11T12:00:00Z'))).toEqual({ sessions: 2, mails: 0 });
    expect(await mailsTo('yuri@example.org', 'oktam@example.org')).toHaveLength(2);
    const lv = await mailsTo('janis@example.org');
    expect(lv).toHaveLength(1);
    expect(lv[0]!.locale).toBe('lv');
    expect(await mailsTo('gone@example.org', 'waiting@example.org')).toHaveLength(0);
    expect(cancelledSession.registrationId).toBeTruthy();
  });

  it('is not sent on the day itself', async () => {
    expect(await queueSessionReminders(ctx.database.db, deps(), new Date('2031-05-12T06:00:00Z'))).toEqual({ sessions: 0, mails: 0 });
  });
});
