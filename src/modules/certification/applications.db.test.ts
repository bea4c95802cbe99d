import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestContext } from '../../../test/app.js';
import {
  certificationWorld,
  signedInAgent,
  createScheme,
  documentUpload,
  mailsTo,
  PDF,
  PNG,
  recordCompletion,
  type CertificationWorld,
  type SchemeBody,
} from './certification-test-data.js';

let ctx: TestContext;
let uz: CertificationWorld;
let kz: CertificationWorld;
let scheme: SchemeBody;

interface RequirementStatus {
  id: string;
  kind: string;
  evaluation: { met: boolean; have: number; need: number; missingCourseIds: string[] };
  check: { met: boolean; note: string | null } | null;
}
interface ApplicationBody {
  id: string;
  status: string;
  applicant: { personId: string; fullName: string; email: string };
  requirements: RequirementStatus[];
  documents: Array<{ id: string; documentType: string; fileName: string; contentType: string; downloadUrl: string }>;
  history: Array<{ action: string; note: string | null; actorName: string | null }>;
  steps: string[];
  canEdit: boolean;
}

beforeAll(async () => {
  ctx = await createTestApp();
  uz = await certificationWorld(ctx, { country: 'UZ', defaultLocale: 'uz' });
  kz = await certificationWorld(ctx, { country: 'KZ', defaultLocale: 'kk' });
  scheme = await createScheme(uz);
});
afterAll(async () => ctx.close());

async function engineerIn(locale: string): Promise<Agent> {
  const agent = await signedInAgent(ctx);
  const res = await agent.request({ method: 'PUT', url: '/api/v1/session/locale', payload: { locale } });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return agent;
}

async function apply(agent: Agent, payload: Record<string, unknown> = {}): Promise<ApplicationBody> {
  const res = await agent.request({ method: 'POST', url: '/api/v1/applications', payload: { levelId: scheme.levels[0]!.id, ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ApplicationBody>();
}

async function post(agent: Agent, url: string, payload: unknown = {}) {
  return agent.request({ method: 'POST', url, payload });
}

const byKind = (application: ApplicationBody, kind: string) => application.requirements.find((r) => r.kind === kind)!;

describe('applying', () => {
  it('links an engineer without a person to a new one and shows which requirements their records meet', async () => {
    const engineer = await engineerIn('uz');
    const created = await apply(engineer, { experienceYears: 4, fullName: 'Jasur Toshmatov', nameLatin: 'Jasur Toshmatov' });
    expect(created).toMatchObject({ status: 'draft', applicant: { fullName: 'Jasur Toshmatov', email: engineer.email }, canEdit: true, steps: ['submit'] });
    const session = await engineer.request({ method: 'GET', url: '/api/v1/session' });
    expect(session.json().user.personId).toBe(created.applicant.personId);
    expect(created.requirements.map((r) => [r.kind, r.evaluation.met])).toEqual([
      ['courses', false],
      ['cpd_credits', false],
      ['exam', false],
      ['experience', true],
      ['document', false],
    ]);

    const personId = created.applicant.personId;
    const yearAgo = new Date(Date.now() - 365 * 86_400_000);
    await recordCompletion(ctx, uz.association.id, personId, uz.courses.rain, yearAgo);
    await recordCompletion(ctx, uz.association.id, personId, uz.courses.waste, new Date(Date.now() - 4 * 365 * 86_400_000));
    const exam = await post(uz.assessor, `/api/v1/schemes/${scheme.id}/exam-results`, {
      personId,
      levelId: scheme.levels[0]!.id,
      examName: 'Written exam',
      score: 81,
      passed: true,
      takenOn: yearAgo.toISOString().slice(0, 10),
    });
    expect(exam.statusCode, exam.body).toBe(201);
    const upload = documentUpload('diploma', 'diplom.pdf', PDF);
    expect((await engineer.request({ method: 'POST', url: `/api/v1/applications/${created.id}/documents`, ...upload })).statusCode).toBe(201);

    const read = (await engineer.request({ method: 'GET', url: `/api/v1/applications/${created.id}` })).json<ApplicationBody>();
    expect(byKind(read, 'courses').evaluation).toMatchObject({ met: true, have: 1, need: 1 });
    // The waste course ended more than three years ago: only the rain course's 3 credits count.
    expect(byKind(read, 'cpd_credits').evaluation).toMatchObject({ met: false, have: 3, need: 5 });
    expect(byKind(read, 'exam').evaluation.met).toBe(true);
    expect(byKind(read, 'document').evaluation).toMatchObject({ met: true, have: 1 });
    expect(read.history.map((h) => h.action)).toEqual(['created', 'document_uploaded']);
  });

  it('uses the person the account is already linked to, and allows one open application per level', async () => {
    const engineer = await engineerIn('en');
    const first = await apply(engineer, { fullName: 'Kamola Rahimova' });
    const second = await engineer.request({ method: 'POST', url: '/api/v1/applications?lang=kk', payload: { levelId: scheme.levels[0]!.id } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe('Бұл деңгейге сізде ашық өтініш бар.');
    const other = await apply(engineer, { levelId: scheme.levels[1]!.id });
    expect(other.applicant.personId).toBe(first.applicant.personId);
  });

  it('refuses a scheme that is not open', async () => {
    const closed = await createScheme(uz, { status: 'closed' });
    const engineer = await engineerIn('en');
    const res = await engineer.request({ method: 'POST', url: '/api/v1/applications', payload: { levelId: closed.levels[0]!.id } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('does not accept applications');
  });
});

describe('documents', () => {
  it('are typed by their content: a PNG named .pdf is kept as a PNG, a text named .pdf is refused, and so is an oversize file', async () => {
    const engineer = await engineerIn('ru');
    const application = await apply(engineer);
    const url = `/api/v1/applications/${application.id}/documents`;

    const png = await engineer.request({ method: 'POST', url, ...documentUpload('cv', 'resume.pdf', PNG, 'application/pdf') });
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json<ApplicationBody>().documents).toEqual([expect.objectContaining({ documentType: 'cv', fileName: 'resume.png', contentType: 'image/png' })]);

    const text = await engineer.request({ method: 'POST', url: `${url}?lang=ru`, ...documentUpload('diploma', 'diploma.pdf', Buffer.from('I am a diploma, honestly.\n')) });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.fields).toEqual({ file: 'Загрузите файл PDF, JPEG или PNG. Тип определяется по содержимому файла, а не по имени.' });

    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const oversize = await engineer.request({ method: 'POST', url: `${url}?lang=en`, ...documentUpload('diploma', 'diploma.pdf', big) });
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json().error.fields).toEqual({ file: 'The file is larger than 10 MB.' });

    const unknownType = await engineer.request({ method: 'POST', url, ...documentUpload('passport', 'p.pdf', PDF) });
    expect(unknownType.statusCode).toBe(400);

    const read = (await engineer.request({ method: 'GET', url: `/api/v1/applications/${application.id}` })).json<ApplicationBody>();
    expect(read.documents).toHaveLength(1);
    const file = await engineer.request({ method: 'GET', url: read.documents[0]!.downloadUrl });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);

    const removed = await engineer.request({ method: 'DELETE', url: `${url}/${read.documents[0]!.id}` });
    expect(removed.json<ApplicationBody>().documents).toEqual([]);
  });
});

describe('the review', () => {
  it('walks the status machine, keeps every step in the history and mails each one once in the applicant’s language', async () => {
    const engineer = await engineerIn('ru');
    const application = await apply(engineer, { experienceYears: 5 });
    const base = `/api/v1/applications/${application.id}`;

    expect((await post(engineer, `${base}/submit`)).json().status).toBe('submitted');
    const again = await post(engineer, `${base}/submit?lang=ru`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Нельзя подать заявление: оно уже подано.');
    expect((await post(uz.assessor, `${base}/approve?lang=en`)).json().error.message).toBe('You cannot approve an application that is submitted.');
    expect((await post(engineer, `${base}/review`)).statusCode).toBe(403);

    const inReview = (await post(uz.assessor, `${base}/review`)).json<ApplicationBody>();
    expect(inReview).toMatchObject({ status: 'in_review', steps: ['request_info', 'approve', 'reject'] });
    expect((await post(engineer, base.replace(/$/, '/submit'))).statusCode).toBe(409);

    const noNote = await post(uz.assessor, `${base}/request-info`, { note: '  ' });
    expect(noNote.statusCode).toBe(400);
    expect(Object.keys(noNote.json().error.fields)).toEqual(['note']);
    const asked = await post(uz.assessor, `${base}/request-info`, { note: 'Please upload your diploma.' });
    expect(asked.json()).toMatchObject({ status: 'needs_info' });

    const upload = documentUpload('diploma', 'diplom.pdf', PDF);
    expect((await engineer.request({ method: 'POST', url: `${base}/documents`, ...upload })).statusCode).toBe(201);
    expect((await engineer.request({ method: 'PATCH', url: base, payload: { experienceYears: 6 } })).json().experienceYears).toBe(6);
    expect((await post(engineer, `${base}/submit`, { note: 'Diploma attached.' })).json().status).toBe('submitted');
    expect((await engineer.request({ method: 'PATCH', url: base, payload: { experienceYears: 7 } })).statusCode).toBe(409);

    const reviewed = (await post(uz.assessor, `${base}/review`)).json<ApplicationBody>();
    const [first, ...rest] = reviewed.requirements;
    const tick = (id: string, met: boolean, note?: string) =>
      uz.assessor.request({ method: 'PUT', url: `${base}/checklist/${id}`, payload: { met, note } });
    expect((await tick(first!.id, true, 'Course certificate seen.')).statusCode).toBe(200);
    const early = await post(uz.assessor, `${base}/approve?lang=en`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('4 requirements are not yet ticked as met in the checklist.');
    for (const r of rest) expect((await tick(r.id, true)).statusCode).toBe(200);
    expect((await uz.assessor.request({ method: 'PUT', url: `${base}/checklist/no-such-requirement`, payload: { met: true } })).statusCode).toBe(404);

    const approved = (await post(uz.assessor, `${base}/approve`, { note: 'Welcome.' })).json<ApplicationBody>();
    expect(approved.status).toBe('approved');
    expect(approved.requirements.every((r) => r.check?.met)).toBe(true);
    expect(approved.requirements[0]!.check!.note).toBe('Course certificate seen.');
    expect((await post(uz.assessor, `${base}/reject`, { note: 'Changed my mind.' })).statusCode).toBe(409);

    const history = (await engineer.request({ method: 'GET', url: base })).json<ApplicationBody>().history;
    expect(history.map((h) => h.action)).toEqual([
      'created',
      'submitted',
      'in_review',
      'needs_info',
      'document_uploaded',
      'updated',
      'resubmitted',
      'in_review',
      'checked',
      'checked',
      'checked',
      'checked',
      'checked',
      'approved',
    ]);
    expect(history.find((h) => h.action === 'needs_info')).toMatchObject({ note: 'Please upload your diploma.' });
    expect(history.find((h) => h.action === 'resubmitted')).toMatchObject({ note: 'Diploma attached.' });

    const mails = await mailsTo(ctx, engineer.email);
    expect(mails.map((m) => m.template)).toEqual([
      'certification.mail.submitted',
      'certification.mail.in_review',
      'certification.mail.needs_info',
      'certification.mail.resubmitted',
      'certification.mail.in_review',
      'certification.mail.approved',
    ]);
    expect(new Set(mails.map((m) => m.locale))).toEqual(new Set(['ru']));
    expect(mails[0]!.subject).toBe('Заявление получено: Национальная сертификация инженеров-консультантов — Инженер');
    expect(mails[2]!.textBody).toContain('Please upload your diploma.');
    expect(mails[2]!.textBody).toContain(`/app/certification/applications/${application.id}`);
  });

  it('rejects with a reason, which the applicant reads in their own language', async () => {
    const engineer = await engineerIn('kk');
    const application = await apply(engineer);
    const base = `/api/v1/applications/${application.id}`;
    await post(engineer, `${base}/submit`);
    await post(uz.assessor, `${base}/review`);
    expect((await post(uz.assessor, `${base}/reject`, {})).statusCode).toBe(400);
    const rejected = await post(uz.staff, `${base}/reject`, { note: 'The exam was not passed.' });
    expect(rejected.json().status).toBe('rejected');
    const [mail] = await mailsTo(ctx, engineer.email, 'certification.mail.rejected');
    expect(mail).toMatchObject({ locale: 'kk' });
    expect(mail!.textBody).toContain('Себебі: The exam was not passed.');
    const reapplied = await apply(engineer);
    expect(reapplied.id).not.toBe(application.id);
  });
});

describe('access', () => {
  it('lets an engineer see only their own applications and reviewers only their association’s', async () => {
    const owner = await engineerIn('en');
    const other = await engineerIn('en');
    const application = await apply(owner);
    const base = `/api/v1/applications/${application.id}`;
    await post(owner, `${base}/submit`);

    expect((await other.request({ method: 'GET', url: base })).statusCode).toBe(403);
    expect((await other.request({ method: 'PATCH', url: base, payload: { experienceYears: 1 } })).statusCode).toBe(403);
    const otherMine = await other.request({ method: 'GET', url: '/api/v1/applications?mine=true' });
    expect(otherMine.json().items).toEqual([]);
    expect((await other.request({ method: 'GET', url: '/api/v1/applications' })).json().items).toEqual([]);
    const ownerMine = await owner.request({ method: 'GET', url: '/api/v1/applications?mine=true' });
    expect(ownerMine.json().items.map((a: { id: string }) => a.id)).toEqual([application.id]);

    for (const agent of [kz.assessor, kz.staff]) {
      expect((await agent.request({ method: 'GET', url: base })).statusCode).toBe(403);
      expect((await post(agent, `${base}/review`)).statusCode).toBe(403);
      const queue = await agent.request({ method: 'GET', url: '/api/v1/applications' });
      expect(queue.json().items.map((a: { id: string }) => a.id)).not.toContain(application.id);
      expect((await agent.request({ method: 'GET', url: `/api/v1/applications?associationId=${uz.association.id}` })).statusCode).toBe(403);
    }
    expect((await post(uz.trainer, `${base}/review`)).statusCode).toBe(403);

    const queue = await uz.assessor.request({ method: 'GET', url: `/api/v1/applications?status=submitted&schemeId=${scheme.id}` });
    expect(queue.json().items.map((a: { id: string }) => a.id)).toContain(application.id);
    expect((await post(uz.assessor, `${base}/review`)).json().status).toBe('in_review');
  });

  it('keeps an assessor from reviewing their own application', async () => {
    const assessor = await signedInAgent(ctx, { roles: [[uz.association.id, 'assessor']] });
    const application = await apply(assessor);
    await post(assessor, `/api/v1/applications/${application.id}/submit`);
    expect((await post(assessor, `/api/v1/applications/${application.id}/review`)).statusCode).toBe(403);
  });
});
