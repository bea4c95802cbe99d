import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, testMessages, type Agent, type TestContext } from '../../../test/app.js';
import { resumeJobs } from '../../platform/jobs/runner.js';
import { jobs } from '../../platform/jobs/tables.js';
import { attendanceJobHandlers } from './attendance-sheet-job.js';
import { seedRegistrant, seedSession, type SeededRegistrant, type SeededSession } from './attendance-test-data.js';
import { attendance, completionHistory, completions, registrations } from './tables.js';

let ctx: TestContext;
let staff: Agent;
let session: SeededSession;
let people: Record<'aigerim' | 'janis' | 'oktam' | 'dilnoza' | 'waiting', SeededRegistrant>;

const DAYS = ['2026-05-12', '2026-05-13', '2026-05-14'];

interface Preview {
  id: string;
  status: string;
  total: number;
  valid: number;
  invalid: number;
  columns: string[];
  days: Array<{ column: string; day: string }>;
  rows: Array<{ row: number; errors: Array<{ column: string; message: string }> }>;
}

function multipart(fileName: string, content: Buffer) {
  const boundary = `----usta${crypto.randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (fileName: string, content: Buffer, lang = 'en', sessionId = session.sessionId) =>
  staff.request({ method: 'POST', url: `/api/v1/sessions/${sessionId}/attendance/imports?lang=${lang}`, ...multipart(fileName, content) });

async function marks() {
  const res = await staff.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/attendance` });
  return Object.fromEntries(res.json<{ rows: Array<{ registrationId: string; marks: Record<string, boolean> }> }>().rows.map((r) => [r.registrationId, r.marks]));
}

async function commitAndRun(jobId: string, mode: 'all' | 'valid', sessionId = session.sessionId, beforeRun?: () => Promise<unknown>) {
  const res = await staff.request({ method: 'POST', url: `/api/v1/sessions/${sessionId}/attendance/imports/${jobId}/commit`, payload: { mode } });
  if (res.statusCode !== 202) return res;
  await beforeRun?.();
  const handlers = attendanceJobHandlers({ messages: testMessages(), publicUrl: ctx.config.publicUrl });
  expect(await resumeJobs(ctx.database.db, handlers)).toContain(jobId);
  return staff.request({ method: 'GET', url: `/api/v1/jobs/${jobId}` });
}

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  const assoc = await makeAssociation(ctx);
  staff = await signedInAgent(ctx, { roles: [[assoc.id, 'staff']] });
  session = await seedSession(db, assoc.id, { days: DAYS, minAttendancePercent: 60 });
  people = {
    aigerim: await seedRegistrant(db, session, { fullName: 'Айгерим Нурланова', nameLatin: 'Aigerim Nurlanova', email: 'aigerim@example.kz' }),
    janis: await seedRegistrant(db, session, { fullName: 'Jānis Bērziņš', email: 'janis@example.lv' }),
    oktam: await seedRegistrant(db, session, { fullName: 'Ғуломов Ўктам', nameLatin: 'Gʻulomov Oʻktam' }),
    dilnoza: await seedRegistrant(db, session, { fullName: 'Dilnoza Karimova' }),
    waiting: await seedRegistrant(db, session, { fullName: 'Waiting Person', status: 'waitlisted' }),
  };
});
afterAll(async () => ctx.close());

describe('signed attendance sheet (CSV)', () => {
  const sheet = () =>
    Buffer.from(
      [
        'No.;Код билета;Эл. почта;ФИО;12.05.2026;13.05.2026;14.05.2026;Подпись',
        `1;${people.aigerim.ticketCode.toLowerCase()};;;1;x;✓;`,
        `2;;JANIS@example.lv;;+;да;-;`,
        `3;;;Gʻulomov Oʻktam;1;maybe;1;`,
        `4;ZZZZ-ZZZZ;;;1;1;1;`,
        `5;${people.waiting.ticketCode};;;1;1;1;`,
        `6;;;Nurlanova Aigerim;1;1;1;`,
        `7;;;Dilnoza Karimova;1;;1;`,
      ].join('\r\n') + '\r\n',
    );

  it('previews every problem by row and column, in the reader’s language, writing nothing', async () => {
    const res = await upload('attendance.csv', sheet());
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json<Preview>();
    expect(preview).toMatchObject({ status: 'preview', total: 7, valid: 3, invalid: 4, columns: ['Код билета', 'Эл. почта', 'ФИО'] });
    expect(preview.days).toEqual(DAYS.map((day, i) => ({ column: ['12.05.2026', '13.05.2026', '14.05.2026'][i], day })));
    expect(preview.rows).toEqual([
      { row: 4, errors: [{ column: '13.05.2026', message: expect.stringContaining('“maybe” is not a mark we understand') }] },
      { row: 5, errors: [{ column: 'Код билета', message: 'No registration of this session has ticket ZZZZ-ZZZZ.' }] },
      { row: 6, errors: [{ column: 'Код билета', message: 'Waiting Person is on the waiting list, not confirmed.' }] },
      { row: 7, errors: [{ column: 'ФИО', message: 'The same registrant as row 2.' }] },
    ]);
    const ru = (await upload('attendance.csv', sheet(), 'ru')).json<Preview>();
    expect(ru.rows[1]!.errors[0]!.message).toBe('На этой сессии нет регистрации с билетом ZZZZ-ZZZZ.');
    expect(Object.values(await marks()).every((m) => Object.keys(m).length === 0)).toBe(true);
  });

  it('commits all-or-nothing only when every row is clean; "valid" writes the clean rows as a job', async () => {
    const preview = (await upload('attendance.csv', sheet())).json<Preview>();
    const refused = await commitAndRun(preview.id, 'all');
    expect(refused.statusCode).toBe(400);
    expect(Object.values(await marks()).every((m) => Object.keys(m).length === 0)).toBe(true);

    const job = await commitAndRun(preview.id, 'valid');
    expect(job.json()).toMatchObject({ status: 'done', total: 3, processed: 3, result: { created: 3, skipped: 4 } });
    const [d1, d2, d3] = session.days.map((d) => d.id) as [string, string, string];
    const after = await marks();
    expect(after[people.aigerim.registrationId]).toEqual({ [d1]: true, [d2]: true, [d3]: true });
    expect(after[people.janis.registrationId]).toEqual({ [d1]: true, [d2]: true, [d3]: false });
    // An empty cell leaves the day as it was: nothing recorded.
    expect(after[people.dilnoza.registrationId]).toEqual({ [d1]: true, [d3]: true });
    expect(after[people.oktam.registrationId]).toEqual({});

    const completions = await staff.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/completions` });
    const completed = completions.json<{ items: Array<{ registrationId: string; completed: boolean }> }>().items.filter((i) => i.completed).map((i) => i.registrationId);
    expect(completed.sort()).toEqual([people.aigerim.registrationId, people.janis.registrationId, people.dilnoza.registrationId].sort());

    expect((await commitAndRun(preview.id, 'valid')).statusCode).toBe(409);
  });

  it('refuses a file whose date columns are not days of the session, or that names no one', async () => {
    const wrongDay = await upload('a.csv', Buffer.from(`Ticket code,12.05.2026,20.05.2026\r\n${people.janis.ticketCode},1,1\r\n`));
    expect(wrongDay.statusCode).toBe(400);
    expect(wrongDay.json().error.fields.file).toBe('Column “20.05.2026” is headed 2026-05-20, which is not a day of this session.');
    const nobody = await upload('b.csv', Buffer.from('Signature,12.05.2026\r\nx,1\r\n'));
    expect(nobody.statusCode).toBe(400);
    expect(Object.keys(nobody.json().error.fields)).toEqual(['file']);
  });
});

describe('a sheet written as one job', () => {
  let week: SeededSession;
  let group: SeededRegistrant[];

  beforeAll(async () => {
    const db = ctx.database.db;
    week = await seedSession(db, session.associationId, { days: DAYS, minAttendancePercent: 60 });
    group = [
      await seedRegistrant(db, week, { fullName: 'Rustam Xolmatov' }),
      await seedRegistrant(db, week, { fullName: 'Līga Kalniņa' }),
      await seedRegistrant(db, week, { fullName: 'Сергей Щёголев' }),
    ];
  });

  /** One row per registrant with a mark per day: "1", "0", or a blank cell for ".". */
  function sheetOf(rows: Array<[SeededRegistrant, string]>): Buffer {
    const lines = rows.map(([who, marks]) => [who.ticketCode, ...marks.split('').map((c) => (c === '.' ? '' : c))].join(';'));
    return Buffer.from(['Ticket code;12.05.2026;13.05.2026;14.05.2026', ...lines].join('\r\n') + '\r\n');
  }

  async function stored() {
    const db = ctx.database.db;
    const ids = group.map((g) => g.registrationId);
    const [marks, records, history] = await Promise.all([
      db.select().from(attendance).where(inArray(attendance.registrationId, ids)),
      db.select().from(completions).where(inArray(completions.registrationId, ids)),
      db.select().from(completionHistory).where(inArray(completionHistory.registrationId, ids)),
    ]);
    const byId = <T extends { registrationId: string }>(rows: T[], key: (row: T) => string) => rows.map((r) => `${r.registrationId} ${key(r)}`).sort();
    return {
      marks: byId(marks, (m) => `${m.dayId} ${m.present}`),
      records: byId(records, (r) => `${r.completed} ${r.attendancePercent} ${r.verificationCode}`),
      history: history.length,
    };
  }

  it('fails whole when a row can no longer be written, leaving no mark and no completion', async () => {
    const [rustam, liga] = group as [SeededRegistrant, SeededRegistrant];
    const gone = await seedRegistrant(ctx.database.db, week, { fullName: 'Ērika Liepa' });
    const preview = (await upload('week.csv', sheetOf([[rustam, '111'], [liga, '110'], [gone, '111']]), 'en', week.sessionId)).json<Preview>();
    expect(preview).toMatchObject({ valid: 3, invalid: 0 });
    // Between the preview and the job, the last row's registration is removed.
    const job = await commitAndRun(preview.id, 'all', week.sessionId, () => ctx.database.db.delete(registrations).where(eq(registrations.id, gone.registrationId)));
    expect(job.json()).toMatchObject({ status: 'failed', processed: 0 });
    expect(await stored()).toEqual({ marks: [], records: [], history: 0 });
  });

  it('resumed after a restart, or sent again, writes each mark and each change once', async () => {
    const [rustam, liga, sergey] = group as [SeededRegistrant, SeededRegistrant, SeededRegistrant];
    const sheet = sheetOf([[rustam, '111'], [liga, '11.'], [sergey, '100']]);
    const first = (await upload('week.csv', sheet, 'en', week.sessionId)).json<Preview>();
    // As if the server had stopped while running it: the job is taken up again at start.
    const interrupted = () => ctx.database.db.update(jobs).set({ status: 'running' }).where(eq(jobs.id, first.id));
    expect((await commitAndRun(first.id, 'all', week.sessionId, interrupted)).json()).toMatchObject({ status: 'done', result: { created: 3, skipped: 0 } });
    const once = await stored();
    expect(once.marks).toHaveLength(8);
    expect(once.records).toHaveLength(3);
    expect(once.history).toBe(2);

    const again = (await upload('week.csv', sheet, 'en', week.sessionId)).json<Preview>();
    expect((await commitAndRun(again.id, 'all', week.sessionId)).json()).toMatchObject({ status: 'done', result: { created: 3, skipped: 0 } });
    expect(await stored()).toEqual(once);
  });
});

describe('signed attendance sheet (XLSX)', () => {
  it('reads date cells as day headers and names in either script', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Davomat');
    ws.addRow(['F.I.Sh.', new Date(Date.UTC(2026, 4, 12)), new Date(Date.UTC(2026, 4, 13))]);
    ws.addRow(['Ғуломов Ўктам', 'ha', 'ha']);
    ws.addRow(['Unknown Person', 1, 1]);
    const res = await upload('davomat.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), 'uz');
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json<Preview>();
    expect(preview).toMatchObject({ total: 2, valid: 1, invalid: 1, days: [{ day: '2026-05-12' }, { day: '2026-05-13' }] });
    expect(preview.rows).toEqual([{ row: 3, errors: [{ column: 'F.I.Sh.', message: 'Bu mashgʻulot ishtirokchilari orasida “Unknown Person” yoʻq.' }] }]);
  });

  it('is for staff: trainers record attendance by hand', async () => {
    const trainerOnly = await signedInAgent(ctx, { roles: [[session.associationId, 'trainer']] });
    const res = await trainerOnly.request({ method: 'POST', url: `/api/v1/sessions/${session.sessionId}/attendance/imports`, ...multipart('a.csv', Buffer.from('Ticket code,12.05.2026\r\n')) });
    expect(res.statusCode).toBe(403);
  });
});
