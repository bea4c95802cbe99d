import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testMessages, type Agent, type TestContext } from '../../../test/app.js';
import { resumeJobs } from '../../platform/jobs/runner.js';
import { auditRowsFor } from '../audit/repository.js';
import { readStatusBit } from '../credentials/repository.js';
import { certificationJobHandlers } from './bulk-issue-certificates.js';
import { certificationWorld, createScheme, mailsTo, recordCompletion, signedInAgent, type CertificationWorld, type SchemeBody } from './certification-test-data.js';
import { findCertificate } from './certificates-repository.js';
import { certificationDeps } from './routes.js';
import { expireCertificates } from './expire-certificates.js';
import { certificates } from './tables.js';

let ctx: TestContext;
let uz: CertificationWorld;
let kz: CertificationWorld;
let scheme: SchemeBody;

interface CertificateBody {
  id: string;
  number: string;
  verificationCode: string;
  status: string;
  holder: { personId: string; name: string; nameLatin: string | null };
  issuedOn: string;
  validUntil: string;
  origin: string;
  applicationId: string | null;
  replaces: { id: string; number: string } | null;
  replacedBy: { id: string; number: string } | null;
  statusReasonCategory: string | null;
  statusReason: string | null;
}

beforeAll(async () => {
  ctx = await createTestApp();
  uz = await certificationWorld(ctx, { country: 'UZ', defaultLocale: 'uz', timeZone: 'Asia/Tashkent' });
  kz = await certificationWorld(ctx, { country: 'KZ', defaultLocale: 'kk', timeZone: 'Asia/Almaty' });
  scheme = await createScheme(uz);
});
afterAll(async () => ctx.close());

const deps = () => certificationDeps({ config: ctx.config, database: ctx.database, messages: testMessages() });

/** An engineer's application for the Lead Engineer level (one requirement), taken to approval. */
async function approvedApplication(target: SchemeBody = scheme, fullName = 'Шерзод Алиев'): Promise<{ engineer: Agent; id: string; personId: string }> {
  const engineer = await signedInAgent(ctx);
  const created = await engineer.request({ method: 'POST', url: '/api/v1/applications', payload: { levelId: target.levels[1]!.id, experienceYears: 12, fullName, nameLatin: 'Sherzod Aliev' } });
  expect(created.statusCode, created.body).toBe(201);
  const { id, applicant, requirements } = created.json<{ id: string; applicant: { personId: string }; requirements: Array<{ id: string }> }>();
  const base = `/api/v1/applications/${id}`;
  await engineer.request({ method: 'POST', url: `${base}/submit`, payload: {} });
  await uz.assessor.request({ method: 'POST', url: `${base}/review`, payload: {} });
  for (const r of requirements) await uz.assessor.request({ method: 'PUT', url: `${base}/checklist/${r.id}`, payload: { met: true } });
  const approved = await uz.assessor.request({ method: 'POST', url: `${base}/approve`, payload: {} });
  expect(approved.json().status).toBe('approved');
  return { engineer, id, personId: applicant.personId };
}

async function issue(applicationId: string, agent: Agent = uz.staff) {
  return agent.request({ method: 'POST', url: `/api/v1/applications/${applicationId}/certificate`, payload: {} });
}

async function issued(applicationId: string): Promise<CertificateBody> {
  const res = await issue(applicationId);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CertificateBody>();
}

const sequenceOf = (number: string) => Number(number.slice(-6));

describe('issuing', () => {
  it('issues one certificate per approved application, numbered, dated, with status-list positions, an audit entry and one mail', async () => {
    const { engineer, id, personId } = await approvedApplication();
    const certificate = await issued(id);
    const year = new Date().getFullYear();
    expect(certificate).toMatchObject({ status: 'active', origin: 'application', applicationId: id, holder: { personId, name: 'Шерзод Алиев', nameLatin: 'Sherzod Aliev' } });
    expect(certificate.number).toMatch(new RegExp(`^${scheme.numberPrefix}-(${year}|${year + 1})-\\d{6}$`));
    expect(certificate.verificationCode).toMatch(/^[A-Z2-7]{24}$/);
    const [y, m, d] = certificate.issuedOn.split('-');
    expect(certificate.validUntil).toBe(`${Number(y) + 3}-${m}-${d}`);

    const again = await issue(id);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(certificate.id);
    expect(await mailsTo(ctx, engineer.email, 'certification.mail.certificate_issued')).toHaveLength(1);

    const row = (await findCertificate(ctx.database.db, certificate.id))!;
    expect(row.revocationListId).not.toBeNull();
    expect(row.suspensionListId).not.toBeNull();
    expect(await readStatusBit(ctx.database.db, row.revocationListId!, row.revocationIndex!)).toBe(false);
    const audit = await auditRowsFor(ctx.database.db, `certificate:${certificate.id}`);
    expect(audit.map((a) => a.action)).toEqual(['issued']);
    expect(audit[0]).toMatchObject({ actor: `user:${uz.staff.userId}`, data: expect.objectContaining({ number: certificate.number, applicationId: id }) });

    const history = (await engineer.request({ method: 'GET', url: `/api/v1/applications/${id}` })).json().history;
    expect(history.at(-1)).toMatchObject({ action: 'certificate_issued', note: certificate.number });
  });

  it('issues once when two requests race: one certificate, one number, one mail', async () => {
    const { engineer, id } = await approvedApplication();
    const [a, b] = await Promise.all([issue(id), issue(id)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await mailsTo(ctx, engineer.email, 'certification.mail.certificate_issued')).toHaveLength(1);
    const list = await uz.staff.request({ method: 'GET', url: `/api/v1/certificates?personId=${a.json().holder.personId}` });
    expect(list.json().total).toBe(1);
  });

  it('is refused before approval, and to anyone but staff of the association', async () => {
    const engineer = await signedInAgent(ctx);
    const draft = await engineer.request({ method: 'POST', url: '/api/v1/applications', payload: { levelId: scheme.levels[1]!.id } });
    const early = await issue(draft.json().id as string, uz.staff);
    expect(early.statusCode).toBe(409);
    expect((await uz.staff.request({ method: 'POST', url: `/api/v1/applications/${draft.json().id}/certificate?lang=uz`, payload: {} })).json().error.message).toBe(
      'Sertifikat faqat maʼqullangan ariza boʻyicha beriladi.',
    );
    const { id } = await approvedApplication();
    for (const agent of [uz.assessor, uz.trainer, kz.staff, engineer]) expect((await issue(id, agent)).statusCode).toBe(403);
  });

  it('numbers without gaps per scheme and year, also when many are issued at once', async () => {
    const first = await createScheme(uz);
    const second = await createScheme(uz);
    const firstApps = await Promise.all([0, 1, 2, 3, 4].map(() => approvedApplication(first)));
    const secondApps = [await approvedApplication(second), await approvedApplication(second)];
    const firstNumbers = (await Promise.all(firstApps.map((a) => issued(a.id)))).map((c) => c.number);
    const secondNumbers = [];
    for (const a of secondApps) secondNumbers.push((await issued(a.id)).number);
    expect(firstNumbers.map(sequenceOf).sort()).toEqual([1, 2, 3, 4, 5]);
    // One year, one scheme: the numbers differ only in their sequence.
    expect(new Set(firstNumbers.map((n) => n.slice(0, -7))).size).toBe(1);
    expect(firstNumbers.every((n) => n.startsWith(`${first.numberPrefix}-`))).toBe(true);
    expect(secondNumbers.map(sequenceOf)).toEqual([1, 2]);
    expect(secondNumbers.every((n) => n.startsWith(`${second.numberPrefix}-`))).toBe(true);
  });
});

describe('state changes', () => {
  it('suspend → reinstate works and flips the suspension bit; revoke is final, with a localised refusal', async () => {
    const { engineer, id } = await approvedApplication();
    const certificate = await issued(id);
    const base = `/api/v1/certificates/${certificate.id}`;
    const row = (await findCertificate(ctx.database.db, certificate.id))!;
    const suspensionBit = () => readStatusBit(ctx.database.db, row.suspensionListId!, row.suspensionIndex!);
    const revocationBit = () => readStatusBit(ctx.database.db, row.revocationListId!, row.revocationIndex!);

    expect((await uz.staff.request({ method: 'POST', url: `${base}/suspend`, payload: { category: 'misconduct', reason: ' ' } })).statusCode).toBe(400);
    expect((await uz.staff.request({ method: 'POST', url: `${base}/suspend`, payload: { category: 'whim', reason: 'x' } })).statusCode).toBe(400);
    expect((await uz.assessor.request({ method: 'POST', url: `${base}/suspend`, payload: { category: 'misconduct', reason: 'x' } })).statusCode).toBe(403);
    expect((await kz.staff.request({ method: 'POST', url: `${base}/suspend`, payload: { category: 'misconduct', reason: 'x' } })).statusCode).toBe(403);

    const suspended = await uz.staff.request({ method: 'POST', url: `${base}/suspend`, payload: { category: 'misconduct', reason: 'Complaint under investigation.' } });
    expect(suspended.json()).toMatchObject({ status: 'suspended', statusReasonCategory: 'misconduct', statusReason: 'Complaint under investigation.' });
    expect(await suspensionBit()).toBe(true);
    expect((await uz.staff.request({ method: 'POST', url: `${base}/suspend?lang=en`, payload: { category: 'other', reason: 'again' } })).json().error.message).toBe(
      'Only an active certificate can be suspended; this one is already suspended.',
    );

    const reinstated = await uz.staff.request({ method: 'POST', url: `${base}/reinstate`, payload: { reason: 'Complaint dismissed.' } });
    expect(reinstated.json()).toMatchObject({ status: 'active', statusReasonCategory: null });
    expect(await suspensionBit()).toBe(false);

    const revoked = await uz.staff.request({ method: 'POST', url: `${base}/revoke`, payload: { category: 'false_information', reason: 'Forged diploma.' } });
    expect(revoked.json()).toMatchObject({ status: 'revoked', statusReasonCategory: 'false_information' });
    expect(await revocationBit()).toBe(true);
    const refused = await uz.staff.request({ method: 'POST', url: `${base}/reinstate?lang=ru`, payload: {} });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Этот сертификат отозван. Отзыв окончателен: сертификат нельзя возобновить или изменить.');
    expect((await uz.staff.request({ method: 'POST', url: `${base}/revoke`, payload: { category: 'other', reason: 'twice' } })).statusCode).toBe(409);

    const detail = (await uz.assessor.request({ method: 'GET', url: base })).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['issued', 'suspended', 'reinstated', 'revoked']);
    const audit = await auditRowsFor(ctx.database.db, `certificate:${certificate.id}`);
    expect(audit.map((a) => [a.action, (a.data as { to?: string }).to ?? null])).toEqual([
      ['issued', null],
      ['suspended', 'suspended'],
      ['reinstated', 'active'],
      ['revoked', 'revoked'],
    ]);
    const mails = (await mailsTo(ctx, engineer.email)).map((m) => m.template);
    expect(mails.filter((t) => t.startsWith('certification.certificate_mail.'))).toEqual([
      'certification.certificate_mail.suspended',
      'certification.certificate_mail.reinstated',
      'certification.certificate_mail.revoked',
    ]);
  });

  it('renews with enough CPD credits earned within the validity period, linking the new certificate to the old', async () => {
    const { engineer, id, personId } = await approvedApplication();
    const old = await issued(id);
    // As if issued two years ago and still valid for one more.
    const issuedOn = `${Number(old.issuedOn.slice(0, 4)) - 2}${old.issuedOn.slice(4)}`;
    const validUntil = `${Number(old.validUntil.slice(0, 4)) - 2}${old.validUntil.slice(4)}`;
    await ctx.database.db.update(certificates).set({ issuedOn, validUntil }).where(eq(certificates.id, old.id));
    const base = `/api/v1/certificates/${old.id}`;

    // 3 credits within the period and 5 from before it: not the 6 the scheme asks for.
    await recordCompletion(ctx, uz.association.id, personId, uz.courses.rain, new Date(Date.now() - 365 * 86_400_000));
    await recordCompletion(ctx, uz.association.id, personId, uz.courses.waste, new Date(Date.now() - 3 * 365 * 86_400_000));
    const short = await uz.staff.request({ method: 'POST', url: `${base}/renew?lang=en`, payload: {} });
    expect(short.statusCode).toBe(409);
    expect(short.json().error.message).toBe('Renewal needs 6 CPD credits earned within the validity period; the records show 3.');

    await recordCompletion(ctx, uz.association.id, personId, uz.courses.waste, new Date(Date.now() - 30 * 86_400_000));
    const renewed = await uz.staff.request({ method: 'POST', url: `${base}/renew`, payload: {} });
    expect(renewed.statusCode, renewed.body).toBe(201);
    const fresh = renewed.json<CertificateBody>();
    expect(fresh).toMatchObject({ origin: 'renewal', status: 'active', replaces: { id: old.id, number: old.number }, holder: { personId } });
    expect(fresh.validUntil).toBe(`${Number(validUntil.slice(0, 4)) + 3}${validUntil.slice(4)}`);
    expect(fresh.number).not.toBe(old.number);

    const before = (await uz.staff.request({ method: 'GET', url: base })).json();
    expect(before).toMatchObject({ status: 'active', replacedBy: { id: fresh.id, number: fresh.number } });
    expect(before.history.map((h: { action: string }) => h.action)).toEqual(['issued', 'renewed']);
    expect((await uz.staff.request({ method: 'POST', url: `${base}/renew`, payload: {} })).statusCode).toBe(409);
    expect((await auditRowsFor(ctx.database.db, `certificate:${old.id}`)).map((a) => a.action)).toEqual(['issued', 'renewed']);
    const [mail] = await mailsTo(ctx, engineer.email, 'certification.certificate_mail.renewed');
    expect(mail!.textBody).toContain(fresh.number);
  });

  it('re-issues after a correction: the new certificate carries the corrected name and replaces the old, which is revoked as superseded', async () => {
    const { id, personId } = await approvedApplication(scheme, 'Шерзод Алиев');
    const old = await issued(id);
    const fixed = await uz.staff.request({ method: 'PATCH', url: `/api/v1/people/${personId}`, payload: { fullName: 'Шерзод Алиевич Алиев' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const base = `/api/v1/certificates/${old.id}`;
    expect((await uz.staff.request({ method: 'POST', url: `${base}/reissue`, payload: { reason: '' } })).statusCode).toBe(400);

    const res = await uz.staff.request({ method: 'POST', url: `${base}/reissue`, payload: { reason: 'Patronymic added to the name.' } });
    expect(res.statusCode, res.body).toBe(201);
    const fresh = res.json<CertificateBody>();
    expect(fresh).toMatchObject({
      origin: 'reissue',
      status: 'active',
      holder: { name: 'Шерзод Алиевич Алиев' },
      issuedOn: old.issuedOn,
      validUntil: old.validUntil,
      replaces: { id: old.id, number: old.number },
    });
    const previous = (await uz.staff.request({ method: 'GET', url: base })).json();
    expect(previous).toMatchObject({
      status: 'revoked',
      statusReasonCategory: 'superseded',
      statusReason: 'Patronymic added to the name.',
      holder: { name: 'Шерзод Алиев' },
      replacedBy: { id: fresh.id, number: fresh.number },
    });
    const row = (await findCertificate(ctx.database.db, old.id))!;
    expect(await readStatusBit(ctx.database.db, row.revocationListId!, row.revocationIndex!)).toBe(true);
    expect((await uz.staff.request({ method: 'POST', url: `${base}/reissue`, payload: { reason: 'again' } })).statusCode).toBe(409);
  });
});

describe('the list', () => {
  it('filters by status (expired as of today, before and after the daily pass), scheme and holder, within the caller’s associations', async () => {
    const other = await createScheme(uz);
    const active = await issued((await approvedApplication(other, 'Gulnora Yusupova')).id);
    const suspended = await issued((await approvedApplication(other, 'Bobur Qodirov')).id);
    const revoked = await issued((await approvedApplication(other, 'Бахтиёр Назаров')).id);
    const expired = await issued((await approvedApplication(other, 'Nodira Ergasheva')).id);
    await uz.staff.request({ method: 'POST', url: `/api/v1/certificates/${suspended.id}/suspend`, payload: { category: 'holder_request', reason: 'Leave abroad.' } });
    await uz.staff.request({ method: 'POST', url: `/api/v1/certificates/${revoked.id}/revoke`, payload: { category: 'misconduct', reason: 'Misconduct.' } });
    await ctx.database.db.update(certificates).set({ issuedOn: '2020-01-10', validUntil: '2023-01-10' }).where(eq(certificates.id, expired.id));

    const list = async (query: string, agent: Agent = uz.staff) => {
      const res = await agent.request({ method: 'GET', url: `/api/v1/certificates?schemeId=${other.id}&${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: CertificateBody[]; total: number }>();
    };
    const numbers = async (query: string) => (await list(query)).items.map((c) => c.number);
    expect(await numbers('status=active')).toEqual([active.number]);
    expect(await numbers('status=suspended')).toEqual([suspended.number]);
    expect(await numbers('status=revoked')).toEqual([revoked.number]);
    expect(await numbers('status=expired')).toEqual([expired.number]);
    expect((await list('')).total).toBe(4);
    expect(await numbers('holder=назаров')).toEqual([revoked.number]);
    expect(await numbers('holder=Sherzod')).toHaveLength(4);
    expect(await numbers(`holder=${active.number.slice(-6)}`)).toEqual([active.number]);
    const item = (await list('status=revoked')).items[0]!;
    expect(item).toMatchObject({ verificationCode: revoked.verificationCode, holder: { name: 'Бахтиёр Назаров' }, statusReasonCategory: 'misconduct' });

    expect((await list('', kz.staff)).items).toEqual([]);
    expect((await kz.staff.request({ method: 'GET', url: `/api/v1/certificates?associationId=${uz.association.id}` })).statusCode).toBe(403);
    expect((await uz.staff.request({ method: 'GET', url: `/api/v1/certificates/${active.id}` })).statusCode).toBe(200);
    expect((await kz.assessor.request({ method: 'GET', url: `/api/v1/certificates/${active.id}` })).statusCode).toBe(403);
    const engineer = await signedInAgent(ctx);
    expect((await engineer.request({ method: 'GET', url: '/api/v1/certificates' })).json().items).toEqual([]);

    // The pass records what the list already showed.
    expect((await findCertificate(ctx.database.db, expired.id))!.storedStatus).toBe('active');
    expect((await expireCertificates(ctx.database.db)).expired).toBeGreaterThanOrEqual(1);
    expect((await findCertificate(ctx.database.db, expired.id))!.storedStatus).toBe('expired');
    expect(await numbers('status=expired')).toEqual([expired.number]);
    expect((await auditRowsFor(ctx.database.db, `certificate:${expired.id}`)).map((a) => [a.action, a.actor])).toEqual([
      ['issued', `user:${uz.staff.userId}`],
      ['expired', 'system'],
    ]);
    expect((await expireCertificates(ctx.database.db)).expired).toBe(0);
  });
});

describe('bulk issue', () => {
  it('issues every approved applicant’s certificate as a job with progress, and nothing twice', async () => {
    const bulk = await createScheme(uz);
    const applicants = [await approvedApplication(bulk), await approvedApplication(bulk), await approvedApplication(bulk)];
    await issued(applicants[0]!.id);
    expect((await uz.assessor.request({ method: 'POST', url: `/api/v1/schemes/${bulk.id}/certificates/bulk`, payload: {} })).statusCode).toBe(403);
    const started = await uz.staff.request({ method: 'POST', url: `/api/v1/schemes/${bulk.id}/certificates/bulk`, payload: {} });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ status: 'queued', total: 2, processed: 0 });
    const jobId = started.json<{ id: string }>().id;

    expect(await resumeJobs(ctx.database.db, certificationJobHandlers(deps()))).toContain(jobId);
    const job = await uz.staff.request({ method: 'GET', url: `/api/v1/jobs/${jobId}` });
    expect(job.json()).toMatchObject({ status: 'done', total: 2, processed: 2, result: { created: 2, skipped: 0 } });
    const list = await uz.staff.request({ method: 'GET', url: `/api/v1/certificates?schemeId=${bulk.id}` });
    expect(list.json().items.map((c: CertificateBody) => sequenceOf(c.number)).sort()).toEqual([1, 2, 3]);
    for (const a of applicants) expect(await mailsTo(ctx, a.engineer.email, 'certification.mail.certificate_issued')).toHaveLength(1);

    const again = await uz.staff.request({ method: 'POST', url: `/api/v1/schemes/${bulk.id}/certificates/bulk`, payload: {} });
    expect(again.json()).toMatchObject({ total: 0 });
  });
});
