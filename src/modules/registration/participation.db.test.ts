import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { createTestApp, makeAssociation, signedInAgent, testMessages, type Agent, type TestContext } from '../../../test/app.js';
import { resumeJobs } from '../../platform/jobs/runner.js';
import { readCertificateText } from '../../platform/pdf/visible-fields.js';
import type { AssociationRow } from '../associations/repository.js';
import { todayIn } from '../events/session-times.js';
import { seedProject, seedRegistrant, seedSession, type SeededRegistrant, type SeededSession } from './attendance-test-data.js';
import { participationArchiveHandlers } from './participation-archive.js';

let ctx: TestContext;
let uzAssoc: AssociationRow;
let lvAssoc: AssociationRow;
let staff: Agent;

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const pastDays = (zone: string) => [shift(todayIn(zone), -3), shift(todayIn(zone), -2)];

const UZ_ACK = 'Ushbu oʻquv kursi Yevropa Ittifoqi tomonidan moliyalashtirildi.';
const EN_ACK = 'This training was funded by the European Union.';
const UZ_TITLE = 'Barqaror yomgʻir suvini boshqarish uchun yashil yechimlar';

beforeAll(async () => {
  ctx = await createTestApp();
  uzAssoc = await makeAssociation(ctx, { name: 'Oʻzbekiston muhandislar assotsiatsiyasi', defaultLocale: 'uz' });
  lvAssoc = await makeAssociation(ctx, { name: 'Latvijas Tīrās tehnoloģijas klasteris', country: 'LV', defaultLocale: 'lv', timeZone: 'Europe/Riga' });
  staff = await signedInAgent(ctx, { roles: [[uzAssoc.id, 'staff'], [lvAssoc.id, 'staff']] });
});
afterAll(async () => ctx.close());

async function attendAll(session: SeededSession, who: SeededRegistrant) {
  for (const day of session.days) {
    const res = await staff.request({ method: 'PUT', url: `/api/v1/sessions/${session.sessionId}/attendance`, payload: { registrationId: who.registrationId, dayId: day.id, present: true } });
    expect(res.statusCode, res.body).toBe(200);
  }
}

async function codeOf(session: SeededSession, who: SeededRegistrant): Promise<string> {
  const res = await staff.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/completions` });
  return res.json<{ items: Array<{ registrationId: string; verificationCode: string }> }>().items.find((i) => i.registrationId === who.registrationId)!.verificationCode;
}

const staffPdf = (session: SeededSession, who: SeededRegistrant) =>
  staff.request({ method: 'GET', url: `/api/v1/sessions/${session.sessionId}/completions/${who.registrationId}/certificate.pdf` });

const text = async (body: Buffer) => (await readCertificateText(new Uint8Array(body))).text.join('\n');

describe('certificate of participation', () => {
  let session: SeededSession;
  let holder: SeededRegistrant;
  let absent: SeededRegistrant;

  beforeAll(async () => {
    const db = ctx.database.db;
    const projectId = await seedProject(db, uzAssoc.id, { uz: UZ_ACK, en: EN_ACK });
    session = await seedSession(db, uzAssoc.id, { days: pastDays('Asia/Tashkent'), language: 'uz', projectId, city: 'Toshkent', hours: 16, cpdCredits: 2 });
    holder = await seedRegistrant(db, session, { fullName: 'Ғуломов Ўктам Шавкатович', nameLatin: 'Gʻulomov Oʻktam Shavkatovich', locale: 'uz' });
    absent = await seedRegistrant(db, session, { fullName: 'Never Came' });
    await attendAll(session, holder);
  });

  it('is bilingual (the session’s Uzbek and English), with the holder’s Cyrillic name, its Latin form, and the project acknowledgement', async () => {
    const res = await staffPdf(session, holder);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const extracted = await text(res.rawPayload);
    expect(extracted).toContain('Ғуломов Ўктам Шавкатович');
    expect(extracted).toContain('Gʻulomov Oʻktam Shavkatovich');
    expect(extracted).toContain(UZ_TITLE);
    expect(extracted).toContain('Green solutions for sustainable rainwater management');
    expect(extracted).toContain('Oʻzbekiston muhandislar assotsiatsiyasi');
    expect(extracted).toContain(UZ_ACK);
    expect(extracted).toContain(EN_ACK);
    // The first language's title is set in capitals.
    expect(extracted).toContain('ISHTIROK SERTIFIKATI');
    expect(extracted).toContain('Certificate of participation');
    expect(extracted).toContain('quyidagi oʻquv kursida ishtirok etdi');
    // The turned comma itself (U+02BB), never an apostrophe look-alike.
    expect(extracted).not.toMatch(/[gGoO]['’‘]/);
    const code = await codeOf(session, holder);
    expect(extracted).toContain(`/verify/participation/${code}`);
  });

  it('in Latvian for a Latvian session, with the Latvian letters exactly', async () => {
    const db = ctx.database.db;
    const lv = await seedSession(db, lvAssoc.id, {
      days: pastDays('Europe/Riga'),
      timeZone: 'Europe/Riga',
      language: 'lv',
      city: 'Rīga',
      title: { lv: 'Zaļie risinājumi ilgtspējīgai lietusūdens apsaimniekošanai', en: 'Green solutions for sustainable rainwater management' },
    });
    const who = await seedRegistrant(db, lv, { fullName: 'Ķīļu Ģirts Šūņa-Žagare' });
    await attendAll(lv, who);
    const extracted = await text((await staffPdf(lv, who)).rawPayload);
    expect(extracted).toContain('Ķīļu Ģirts Šūņa-Žagare');
    expect(extracted).toContain('Zaļie risinājumi ilgtspējīgai lietusūdens apsaimniekošanai');
    expect(extracted).toContain('Latvijas Tīrās tehnoloģijas klasteris');
    expect(extracted).toContain('Rīga');
  });

  it('exists only for those who completed', async () => {
    const res = await staffPdf(session, absent);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('There is no certificate of participation: the course has not been completed.');
  });

  it('of everyone who completed come as one ZIP of PDFs from an archive job, for staff of the association only', async () => {
    const url = `/api/v1/sessions/${session.sessionId}/certificate-archives`;
    const outsider = await signedInAgent(ctx, { roles: [[lvAssoc.id, 'staff']] });
    expect((await outsider.request({ method: 'POST', url })).statusCode).toBe(404);
    const queued = await staff.request({ method: 'POST', url });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ status: 'queued', total: 1 });
    const jobId = queued.json<{ id: string }>().id;
    expect((await staff.request({ method: 'GET', url: `${url}/${jobId}` })).statusCode).toBe(404);
    await resumeJobs(ctx.database.db, participationArchiveHandlers({ messages: testMessages(), publicUrl: ctx.config.publicUrl }));
    expect((await staff.request({ method: 'GET', url: `/api/v1/jobs/${jobId}` })).json()).toMatchObject({ status: 'done', processed: 1, result: { created: 1, skipped: 0 } });

    const zip = await staff.request({ method: 'GET', url: `${url}/${jobId}` });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(entries)).toEqual([`certificate-${await codeOf(session, holder)}.pdf`]);
    const extracted = await text(Buffer.from(entries[`certificate-${await codeOf(session, holder)}.pdf`]!));
    expect(extracted).toContain('Ғуломов Ўктам Шавкатович');
    expect(extracted).toContain(UZ_ACK);
    expect((await outsider.request({ method: 'GET', url: `${url}/${jobId}` })).statusCode).toBe(404);
  });

  it('is downloaded by the participant from the ticket, with the ticket’s secret only', async () => {
    const ok = await ctx.app.inject({ method: 'GET', url: `/tickets/${holder.ticketCode}/certificate.pdf?token=${encodeURIComponent(holder.secret)}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(await text(ok.rawPayload)).toContain('Ғуломов Ўктам Шавкатович');
    const wrong = await ctx.app.inject({ method: 'GET', url: `/tickets/${holder.ticketCode}/certificate.pdf?token=${encodeURIComponent(absent.secret)}`, headers: { accept: 'text/html' } });
    expect(wrong.statusCode).toBe(400);
    const none = await ctx.app.inject({ method: 'GET', url: `/tickets/${absent.ticketCode}/certificate.pdf?token=${encodeURIComponent(absent.secret)}` });
    expect(none.statusCode).toBe(404);
    // The ticket page links to it for the one who completed, and not for the one who did not.
    const ticket = await ctx.app.inject({ method: 'GET', url: `/tickets/${holder.ticketCode}?token=${encodeURIComponent(holder.secret)}&lang=en` });
    expect(ticket.statusCode).toBe(200);
    expect(ticket.body).toContain(`/tickets/${holder.ticketCode}/certificate.pdf?token=`);
    expect(ticket.body).toContain('Download your certificate of participation (PDF)');
    const other = await ctx.app.inject({ method: 'GET', url: `/tickets/${absent.ticketCode}?token=${encodeURIComponent(absent.secret)}` });
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('certificate.pdf');
  });
});

describe('public verification page', () => {
  it('shows the holder, course, dates and association as valid, and withdrawn after an override', async () => {
    const db = ctx.database.db;
    const session = await seedSession(db, uzAssoc.id, { days: pastDays('Asia/Tashkent'), language: 'uz' });
    const who = await seedRegistrant(db, session, { fullName: 'Айгерим Нурланова', nameLatin: 'Aigerim Nurlanova' });
    await attendAll(session, who);
    const code = await codeOf(session, who);
    const page = (lang: string, path = `/verify/participation/${code}`) => ctx.app.inject({ method: 'GET', url: `${path}?lang=${lang}` });

    const valid = await page('en');
    expect(valid.statusCode).toBe(200);
    expect(valid.body).not.toContain('<script');
    expect(valid.body).toContain('Valid');
    expect(valid.body).toContain('Айгерим Нурланова');
    expect(valid.body).toContain('Green solutions for sustainable rainwater management');
    expect(valid.body).toContain('Oʻzbekiston muhandislar assotsiatsiyasi');
    const uz = await page('uz');
    expect(uz.body).toContain(UZ_TITLE);

    // Typed in lower case with spaces, it finds the same certificate.
    const typed = await ctx.app.inject({ method: 'GET', url: `/verify/participation?code=${encodeURIComponent(code.toLowerCase().replace(/-/g, ' '))}` });
    expect(typed.statusCode).toBe(303);
    expect(typed.headers.location).toBe(`/verify/participation/${code}`);

    const override = await staff.request({
      method: 'PUT',
      url: `/api/v1/sessions/${session.sessionId}/completions/${who.registrationId}/override`,
      payload: { completed: false, reason: 'Attendance sheet was forged' },
    });
    expect(override.statusCode, override.body).toBe(200);
    const withdrawn = await page('en');
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.body).toContain('Withdrawn');
    expect(withdrawn.body).not.toContain('>Valid<');
    expect((await staffPdf(session, who)).statusCode).toBe(404);

    const unknown = await page('en', '/verify/participation/2222-3333-4444-5555');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('No certificate of participation has this number.');
  });

  it('knows no code of a registrant who never completed', async () => {
    const db = ctx.database.db;
    const session = await seedSession(db, uzAssoc.id, { days: pastDays('Asia/Tashkent') });
    const who = await seedRegistrant(db, session, { fullName: 'Not Yet' });
    const code = await codeOf(session, who);
    expect((await ctx.app.inject({ method: 'GET', url: `/verify/participation/${code}` })).statusCode).toBe(404);
  });
});
