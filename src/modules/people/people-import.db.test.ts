import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import { jobs } from '../../platform/jobs/tables.js';
import { resumeJobs, startJob } from '../../platform/jobs/runner.js';
import type { AssociationRow } from '../associations/repository.js';
import { peopleJobHandlers } from './run-people-import.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

interface Preview {
  id: string;
  status: string;
  fileName: string;
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  columns: string[];
  rows: Array<{ row: number; errors: Array<{ column: string; message: string }> }>;
}

/** A multipart body with the association first and the file second, as the upload form sends it. */
function multipart(associationId: string, fileName: string, content: Buffer) {
  const boundary = `----usta${crypto.randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="associationId"\r\n\r\n${associationId}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(agent: Agent, associationId: string, fileName: string, content: Buffer, lang = 'en') {
  return agent.request({ method: 'POST', url: `/api/v1/people/imports?lang=${lang}`, ...multipart(associationId, fileName, content) });
}

async function preview(agent: Agent, associationId: string, fileName: string, content: Buffer, lang = 'en'): Promise<Preview> {
  const res = await upload(agent, associationId, fileName, content, lang);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Preview>();
}

async function peopleOf(agent: Agent, associationId: string) {
  const res = await agent.request({ method: 'GET', url: `/api/v1/people?associationId=${associationId}&pageSize=100` });
  return res.json<{ items: Array<Record<string, unknown>>; total: number }>();
}

async function commitAndRun(agent: Agent, jobId: string, mode: 'all' | 'valid') {
  const res = await agent.request({ method: 'POST', url: `/api/v1/people/imports/${jobId}/commit`, payload: { mode } });
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json()).toMatchObject({ id: jobId, kind: 'people_import', status: 'queued', processed: 0, result: null });
  // The test app runs no background workers: the start-up hook takes up the queued job.
  expect(await resumeJobs(ctx.database.db, peopleJobHandlers)).toContain(jobId);
  const job = await agent.request({ method: 'GET', url: `/api/v1/jobs/${jobId}` });
  expect(job.statusCode).toBe(200);
  return job.json<{ status: string; total: number; processed: number; result: { created: number; skipped: number } | null }>();
}

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');

describe('CSV import', () => {
  let assoc: AssociationRow;
  let staff: Agent;

  beforeAll(async () => {
    assoc = await makeAssociation(ctx);
    staff = await signedInAgent(ctx, { roles: [[assoc.id, 'staff']] });
  });

  const file = csv([
    'ФИО;Имя латиницей;Пол;Дата рождения;Страна;Город;Отрасль;Место работы;Должность;Эл. почта;Телефон;Согласие на реестр',
    'Шукуров Жасур;Shukurov Jasur;мужской;14.03.1986;Узбекистан;Ташкент;Водоснабжение;Toshkent shahar suv taʼminoti;Инженер;jasur@example.uz;+998 90 123 45 67;да',
    'Каримова Гулнора;;ж;1990-05-17;UZ;Самарканд;heat_supply;Toshkent shahar suv taʼminoti;;gulnora@example;;нет',
    ';;;;;;;;;;;',
    'Юлдашев Бахтиёр;;неизвестно;31.02.1980;Атлантида;;космос;;;;;может быть',
    'Рахимова Дильноза;Rahimova Dilnoza;female;;KZ;Shymkent;wastewater;;Economist;dilnoza@example.kz;;',
  ]);

  it('previews every row’s problems by row and column, in the caller’s language, and writes nothing', async () => {
    const result = await preview(staff, assoc.id, 'people.csv', file, 'ru');
    expect(result).toMatchObject({ status: 'preview', fileName: 'people.csv', total: 4, valid: 2, invalid: 2, duplicates: 0 });
    expect(result.columns).toEqual([
      'fullName', 'nameLatin', 'gender', 'birthDate', 'country', 'city', 'sector', 'employer', 'position', 'email', 'phone', 'registryConsent',
    ]);
    expect(result.rows).toEqual([
      { row: 3, errors: [{ column: 'Эл. почта', message: 'Введите корректный адрес e-mail.' }] },
      {
        row: 5,
        errors: [
          { column: 'Пол', message: 'Укажите: женский, мужской, другой или не указан.' },
          { column: 'Отрасль', message: expect.stringContaining('Такого сектора нет') as string },
          { column: 'Страна', message: expect.stringContaining('UZ') as string },
          { column: 'Согласие на реестр', message: 'Укажите «да» или «нет».' },
          { column: 'Дата рождения', message: expect.stringContaining('дату рождения') as string },
        ],
      },
    ]);
    expect((await peopleOf(staff, assoc.id)).total).toBe(0);
  });

  it('refuses mode "all" while any row has a problem, and writes only the valid rows with mode "valid"', async () => {
    const { id } = await preview(staff, assoc.id, 'people.csv', file);
    const all = await staff.request({ method: 'POST', url: `/api/v1/people/imports/${id}/commit?lang=ru`, payload: { mode: 'all' } });
    expect(all.statusCode).toBe(400);
    expect(all.json().error.code).toBe('validation');
    expect(all.json().error.fields.mode).toContain('В 2 строках есть ошибки');
    expect((await peopleOf(staff, assoc.id)).total).toBe(0);

    const job = await commitAndRun(staff, id, 'valid');
    expect(job).toMatchObject({ status: 'done', total: 2, processed: 2, result: { created: 2, skipped: 2 } });

    const { items } = await peopleOf(staff, assoc.id);
    expect(items.map((p) => p.fullName).sort()).toEqual(['Рахимова Дильноза', 'Шукуров Жасур']);
    const jasur = items.find((p) => p.fullName === 'Шукуров Жасур')!;
    expect(jasur).toMatchObject({ nameLatin: 'Shukurov Jasur', gender: 'male', country: 'UZ', sector: 'water_supply', employerName: 'Toshkent shahar suv taʼminoti' });
    const full = await staff.request({ method: 'GET', url: `/api/v1/people/${String(jasur.id)}` });
    expect(full.json()).toMatchObject({ birthDate: '1986-03-14', registryConsent: true, phone: '+998 90 123 45 67' });

    const again = await staff.request({ method: 'POST', url: `/api/v1/people/imports/${id}/commit`, payload: { mode: 'valid' } });
    expect(again.statusCode).toBe(409);
  });

  it('reports duplicates within the file and against registered people, row by row', async () => {
    const dupAssoc = await makeAssociation(ctx);
    const agent = await signedInAgent(ctx, { roles: [[dupAssoc.id, 'admin']] });
    const existing = await agent.request({
      method: 'POST',
      url: '/api/v1/people',
      payload: { associationId: dupAssoc.id, fullName: 'Нурланова Айгерим', birthDate: '1992-11-05', email: 'aigerim@example.kz' },
    });
    expect(existing.statusCode).toBe(201);
    const result = await preview(
      agent,
      dupAssoc.id,
      'dup.csv',
      csv([
        'full_name,email,birth_date',
        'Aigerim Nurlanova,other@example.kz,05.11.1992',
        'Someone Else,AIGERIM@example.kz,',
        'Qasymov Yerlan,yerlan@example.kz,1988-01-20',
        'Қасымов Ерлан,,1988-01-20',
        'Another Person,yerlan@example.kz,',
        'Fresh Person,fresh@example.kz,',
      ]),
    );
    expect(result).toMatchObject({ total: 6, valid: 2, invalid: 4, duplicates: 4 });
    expect(result.rows).toEqual([
      { row: 2, errors: [{ column: 'full_name', message: 'A person with this name and date of birth is already registered.' }] },
      { row: 3, errors: [{ column: 'email', message: 'A person with this e-mail is already registered.' }] },
      { row: 5, errors: [{ column: 'full_name', message: 'The same name and date of birth as row 4.' }] },
      { row: 6, errors: [{ column: 'email', message: 'The same e-mail as row 4.' }] },
    ]);
    const job = await commitAndRun(agent, result.id, 'valid');
    expect(job.result).toEqual({ created: 2, skipped: 4 });
    expect((await peopleOf(agent, dupAssoc.id)).total).toBe(3);
  });

  it('reads a Windows-1251 file with a header in another language', async () => {
    const text = 'ФИО,Город\r\nБерзиньш Янис,Рига\r\n';
    const bytes = Buffer.from([...text].map((ch) => {
      const code = ch.charCodeAt(0);
      return code >= 0x410 && code <= 0x44f ? 0xc0 + code - 0x410 : code;
    }));
    const result = await preview(staff, assoc.id, 'cp1251.csv', bytes);
    expect(result).toMatchObject({ total: 1, valid: 1, columns: ['fullName', 'city'] });
  });

  it('refuses files that are neither CSV nor XLSX, files without a name column, and callers without rights', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(512)]);
    const binary = await upload(staff, assoc.id, 'people.csv', pdf);
    expect(binary.statusCode).toBe(415);
    expect(binary.json().error.code).toBe('unsupported_file');
    const fakeZip = await upload(staff, assoc.id, 'people.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), crypto.randomBytes(64)]));
    expect(fakeZip.statusCode).toBe(415);

    const noName = await upload(staff, assoc.id, 'x.csv', csv(['email,city', 'a@example.org,Riga']));
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields).toHaveProperty('file');

    const trainer = await signedInAgent(ctx, { roles: [[assoc.id, 'trainer']] });
    expect((await upload(trainer, assoc.id, 'people.csv', file)).statusCode).toBe(403);
    const other = await makeAssociation(ctx);
    const otherStaff = await signedInAgent(ctx, { roles: [[other.id, 'staff']] });
    const { id } = await preview(staff, assoc.id, 'people.csv', file);
    const commit = await otherStaff.request({ method: 'POST', url: `/api/v1/people/imports/${id}/commit`, payload: { mode: 'valid' } });
    expect(commit.statusCode).toBe(404);
    expect((await otherStaff.request({ method: 'GET', url: `/api/v1/jobs/${id}` })).statusCode).toBe(404);
    expect((await trainer.request({ method: 'GET', url: `/api/v1/jobs/${id}` })).statusCode).toBe(404);
  });

  it('refuses a file over 20 MB', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 'a');
    const res = await upload(staff, assoc.id, 'big.csv', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });
});

describe('XLSX import', () => {
  it('reads the first sheet: date cells, links and localised headers; reports the bad row', async () => {
    const assoc = await makeAssociation(ctx, { country: 'LV' });
    const staff = await signedInAgent(ctx, { roles: [[assoc.id, 'staff']] });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Dalībnieki');
    sheet.addRow(['Vārds, uzvārds', 'Dzimums', 'Dzimšanas datums', 'E-pasts', 'Nozare', 'Darba devējs', 'Valsts']);
    sheet.addRow(['Jānis Bērziņš', 'vīrietis', new Date(Date.UTC(1979, 8, 1)), { text: 'janis@example.lv', hyperlink: 'mailto:janis@example.lv' }, 'Siltumapgāde', 'Rīgas ūdens', 'Latvija']);
    sheet.addRow(['Anna Kalniņa', 'sieviete', '12.12.1988', 'anna(at)example.lv', 'Ūdensapgāde', 'Rīgas ūdens', 'LV']);
    sheet.addRow(['Līga Ozoliņa', 'S', 31000, 'liga@example.lv', 'energy_efficiency', 'Rīgas Tehniskā universitāte', 'LV']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());

    const result = await preview(staff, assoc.id, 'dalibnieki.xlsx', content, 'lv');
    expect(result).toMatchObject({ total: 3, valid: 2, invalid: 1 });
    expect(result.rows).toEqual([{ row: 3, errors: [{ column: 'E-pasts', message: 'Ievadiet derīgu e-pasta adresi.' }] }]);
    expect((await peopleOf(staff, assoc.id)).total).toBe(0);

    const job = await commitAndRun(staff, result.id, 'valid');
    expect(job).toMatchObject({ status: 'done', processed: 2, result: { created: 2, skipped: 1 } });
    const { items } = await peopleOf(staff, assoc.id);
    expect(items).toEqual([
      expect.objectContaining({ fullName: 'Jānis Bērziņš', gender: 'male', sector: 'heat_supply', email: 'janis@example.lv', country: 'LV', employerName: 'Rīgas ūdens' }),
      expect.objectContaining({ fullName: 'Līga Ozoliņa', gender: 'female', sector: 'energy_efficiency', employerName: 'Rīgas Tehniskā universitāte' }),
    ]);
    const janis = await staff.request({ method: 'GET', url: `/api/v1/people/${String(items[0]!.id)}` });
    expect(janis.json().birthDate).toBe('1979-09-01');
    const liga = await staff.request({ method: 'GET', url: `/api/v1/people/${String(items[1]!.id)}` });
    expect(liga.json().birthDate).toBe('1984-11-14');
    const orgs = await staff.request({ method: 'GET', url: `/api/v1/organisations?associationId=${assoc.id}` });
    expect(orgs.json().total).toBe(2);
  });
});

describe('large imports and restarts', () => {
  it('imports 10,000 rows; the job reaches done with processed = total', async () => {
    const assoc = await makeAssociation(ctx);
    const staff = await signedInAgent(ctx, { roles: [[assoc.id, 'staff']] });
    const lines = ['full_name,name_latin,gender,birth_date,city,sector,employer,email'];
    for (let i = 0; i < 10_000; i++) {
      lines.push(`Иванов Участник ${i},Ivanov Uchastnik ${i},${i % 2 ? 'male' : 'female'},,Almaty,water_supply,Organisation ${i % 7},person${i}@example.kz`);
    }
    const result = await preview(staff, assoc.id, 'big.csv', csv(lines));
    expect(result).toMatchObject({ total: 10_000, valid: 10_000, invalid: 0, rows: [] });
    const job = await commitAndRun(staff, result.id, 'all');
    expect(job).toMatchObject({ status: 'done', total: 10_000, processed: 10_000, result: { created: 10_000, skipped: 0 } });
    const search = await staff.request({ method: 'GET', url: `/api/v1/people?associationId=${assoc.id}&q=${encodeURIComponent('Участник 9999')}` });
    expect(search.json().items.map((p: { email: string }) => p.email)).toContain('person9999@example.kz');
    expect((await peopleOf(staff, assoc.id)).total).toBe(10_000);
  });

  it('re-runs a job left running by a crash when the server starts', async () => {
    const assoc = await makeAssociation(ctx);
    const staff = await signedInAgent(ctx, { roles: [[assoc.id, 'staff']] });
    const result = await preview(staff, assoc.id, 'p.csv', csv(['full_name', 'Tursunov Azizbek', 'Tursunova Madina']));
    const commit = await staff.request({ method: 'POST', url: `/api/v1/people/imports/${result.id}/commit`, payload: { mode: 'all' } });
    expect(commit.statusCode).toBe(202);
    // As a crash leaves it: marked running, nothing of its transaction committed.
    await ctx.database.db.update(jobs).set({ status: 'running' }).where(eq(jobs.id, result.id));
    expect((await staff.request({ method: 'GET', url: `/api/v1/jobs/${result.id}` })).json()).toMatchObject({ status: 'running', processed: 0 });

    expect(await resumeJobs(ctx.database.db, peopleJobHandlers)).toEqual([result.id]);
    const job = await staff.request({ method: 'GET', url: `/api/v1/jobs/${result.id}` });
    expect(job.json()).toMatchObject({ status: 'done', total: 2, processed: 2, result: { created: 2, skipped: 0 }, error: null });
    expect((await peopleOf(staff, assoc.id)).total).toBe(2);
    expect(await resumeJobs(ctx.database.db, peopleJobHandlers)).toEqual([]);
  });

  it('keeps no personal data in a finished job, and deletes previews nobody committed within a day', async () => {
    const assoc = await makeAssociation(ctx);
    const staff = await signedInAgent(ctx, { roles: [[assoc.id, 'staff']] });
    const done = await preview(staff, assoc.id, 'a.csv', csv(['full_name,email', 'Sobirova Mohira,mohira@example.uz']));
    await commitAndRun(staff, done.id, 'all');
    const [finished] = await ctx.database.db.select({ input: jobs.input }).from(jobs).where(eq(jobs.id, done.id));
    expect(JSON.stringify(finished!.input)).not.toContain('Mohira');
    expect(finished!.input).toMatchObject({ fileName: 'a.csv', valid: 1, mode: 'all' });

    const stale = await preview(staff, assoc.id, 'b.csv', csv(['full_name', 'Ergashev Jamshid']));
    await ctx.database.db.update(jobs).set({ createdAt: new Date(Date.now() - 25 * 3600 * 1000) }).where(eq(jobs.id, stale.id));
    const fresh = await preview(staff, assoc.id, 'c.csv', csv(['full_name', 'Ergashev Jamshid']));
    const left = await ctx.database.db.select({ id: jobs.id }).from(jobs).where(inArray(jobs.id, [stale.id, fresh.id]));
    expect(left.map((j) => j.id)).toEqual([fresh.id]);
    const commitStale = await staff.request({ method: 'POST', url: `/api/v1/people/imports/${stale.id}/commit`, payload: { mode: 'all' } });
    expect(commitStale.statusCode).toBe(404);
  });
});

describe('with background workers', () => {
  it('starts the job as soon as the import is committed', async () => {
    const live = await createTestApp({ USTA_WORKERS: '1' });
    try {
      const assoc = await makeAssociation(live);
      const staff = await signedInAgent(live, { roles: [[assoc.id, 'staff']] });
      const res = await staff.request({
        method: 'POST',
        url: '/api/v1/people/imports',
        ...multipart(assoc.id, 'p.csv', csv(['ФИО', 'Исмоилова Малика', 'Норматов Илхом'])),
      });
      expect(res.statusCode, res.body).toBe(201);
      const { id } = res.json<Preview>();
      const commit = await staff.request({ method: 'POST', url: `/api/v1/people/imports/${id}/commit`, payload: { mode: 'all' } });
      expect(commit.statusCode).toBe(202);
      // The job is already running in the background; this waits for that run rather than starting one.
      await startJob(live.database.db, id, {});
      const job = await staff.request({ method: 'GET', url: `/api/v1/jobs/${id}` });
      expect(job.json()).toMatchObject({ status: 'done', processed: 2, result: { created: 2, skipped: 0 } });
    } finally {
      await live.close();
    }
  });
});
