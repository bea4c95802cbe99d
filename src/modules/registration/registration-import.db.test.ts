import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { outbox } from '../../platform/mail/tables.js';
import { createSessionVia, sessionWorld, type SessionWorld } from '../events/session-test-data.js';
import { registrations } from './tables.js';

let ctx: TestContext;
let world: SessionWorld;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await sessionWorld(ctx);
});
afterAll(async () => ctx.close());

function multipart(fileName: string, content: Buffer, type: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----usta-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface Preview {
  id: string;
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  known: number;
  rows: Array<{ row: number; errors: Array<{ column: string; message: string }> }>;
}

async function upload(sessionId: string, fileName: string, content: Buffer, type = 'text/csv', lang = 'en') {
  const { payload, headers } = multipart(fileName, content, type);
  return world.staff.request({ method: 'POST', url: `/api/v1/sessions/${sessionId}/registrations/imports?lang=${lang}`, payload, headers });
}

describe('registering a participant list', () => {
  it('previews a CSV with row-level problems in the reader’s language, writes nothing, then registers the valid rows', async () => {
    const known = await world.staff.request({
      method: 'POST',
      url: '/api/v1/people',
      payload: { associationId: world.association.id, fullName: 'Нурланова Айгерим', email: 'aigerim@example.kz' },
    });
    const already = await world.staff.request({
      method: 'POST',
      url: '/api/v1/people',
      payload: { associationId: world.association.id, fullName: 'Karimov Aziz', email: 'aziz@example.uz' },
    });
    const session = await createSessionVia(world, { capacity: 3 });
    await world.staff.request({ method: 'POST', url: `/api/v1/sessions/${session.id}/registrations`, payload: { personId: already.json<{ id: string }>().id } });

    const csv = [
      'ФИО;Электронная почта;Пол;Организация;Отрасль',
      'Aigerim Nurlanova;AIGERIM@example.kz;ж;KazVodokanal;Водоснабжение',
      'Шукуров Жасур;jasur@example.uz;м;Suvsoz;Канализация',
      'Bērziņa Līga;liga@example.lv;sieviete;Rīgas ūdens;Lietusūdeņi',
      'Tursunov Bek;bek@example.uz;м;;',
      ';nobody@example.uz;;;',
      'Jasur Shukurov 2;JASUR@example.uz;м;;',
      'Karimov Aziz;aziz@example.uz;м;;',
      'Oʻgʻiloy Gʻulomova;not-mail;ж;;',
    ].join('\n');
    const res = await upload(session.id, 'participants.csv', Buffer.from(csv), 'text/csv', 'ru');
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json<Preview>();
    expect(preview).toMatchObject({ total: 8, valid: 4, invalid: 4, duplicates: 2, known: 1 });
    expect(preview.rows.map((r) => [r.row, r.errors.map((e) => e.column)])).toEqual([
      [6, ['ФИО']],
      [7, ['Электронная почта']],
      [8, ['Электронная почта']],
      [9, ['Электронная почта']],
    ]);
    expect(preview.rows.find((r) => r.row === 7)!.errors[0]!.message).toBe('Тот же человек, что и в строке 3.');
    expect(preview.rows.find((r) => r.row === 8)!.errors[0]!.message).toBe('Этот человек уже зарегистрирован на это обучение.');
    expect(await ctx.database.db.select().from(registrations).where(eq(registrations.sessionId, session.id))).toHaveLength(1);

    const all = await world.staff.request({ method: 'POST', url: `/api/v1/sessions/${session.id}/registrations/imports/${preview.id}/commit`, payload: { mode: 'all' } });
    expect(all.statusCode).toBe(400);
    const committed = await world.staff.request({ method: 'POST', url: `/api/v1/sessions/${session.id}/registrations/imports/${preview.id}/commit`, payload: { mode: 'valid' } });
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toEqual({ confirmed: 2, waitlisted: 2, skipped: 4, newPeople: 3 });
    const again = await world.staff.request({ method: 'POST', url: `/api/v1/sessions/${session.id}/registrations/imports/${preview.id}/commit`, payload: { mode: 'valid' } });
    expect(again.statusCode).toBe(409);

    const rows = await ctx.database.db.select().from(registrations).where(eq(registrations.sessionId, session.id));
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(3);
    expect(rows.find((r) => r.personId === known.json<{ id: string }>().id)).toMatchObject({ status: 'confirmed', source: 'import' });
    // The file's order decides who gets the last seats.
    const mails = await ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, 'liga@example.lv'));
    expect(mails.map((m) => m.template)).toEqual(['registration.mail.waitlisted']);
  });

  it('reads an XLSX sheet and refuses a file without a name column', async () => {
    const session = await createSessionVia(world);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ishtirokchilar');
    sheet.addRow(['F.I.Sh.', 'Elektron pochta', 'Tashkilot']);
    sheet.addRow(['Yusupova Dilnoza', 'dilnoza@example.uz', 'Toshkent suv']);
    sheet.addRow(['Rahimov Sherzod', 'sherzod@example.uz', 'Toshkent suv']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(session.id, 'ishtirokchilar.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Preview>()).toMatchObject({ total: 2, valid: 2, invalid: 0 });
    const done = await world.staff.request({ method: 'POST', url: `/api/v1/sessions/${session.id}/registrations/imports/${res.json<Preview>().id}/commit`, payload: { mode: 'all' } });
    expect(done.json()).toEqual({ confirmed: 2, waitlisted: 0, skipped: 0, newPeople: 2 });

    const bad = await upload(session.id, 'x.csv', Buffer.from('email\nsomeone@example.uz\n'), 'text/csv', 'lv');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json<{ error: { fields: object } }>().error.fields)).toEqual(['file']);
  });
});
