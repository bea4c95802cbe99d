import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, type Agent, type TestContext } from '../../../test/app.js';
import { certificationWorld, createScheme, prefix, schemeInput, signedInAgent, type CertificationWorld, type SchemeBody } from './certification-test-data.js';

let ctx: TestContext;
let uz: CertificationWorld;
let kz: CertificationWorld;
let engineer: Agent;

beforeAll(async () => {
  ctx = await createTestApp();
  uz = await certificationWorld(ctx, { country: 'UZ', defaultLocale: 'uz' });
  kz = await certificationWorld(ctx, { country: 'KZ', defaultLocale: 'kk' });
  engineer = await signedInAgent(ctx);
});
afterAll(async () => ctx.close());

describe('schemes', () => {
  it('are created by staff with ordered levels and every kind of requirement, certificates in the association’s language and English', async () => {
    const scheme = await createScheme(uz, { numberPrefix: ` ${prefix().toLowerCase()} ` });
    const read = await ctx.app.inject({ method: 'GET', url: `/api/v1/schemes/${scheme.id}` });
    expect(read.statusCode).toBe(200);
    const body = read.json();
    expect(body).toMatchObject({
      associationId: uz.association.id,
      numberPrefix: scheme.numberPrefix,
      validityYears: 3,
      renewalCpdCredits: 6,
      fee: { amount: 500000, currency: 'UZS' },
      certificateLocales: ['uz', 'en'],
      status: 'open',
    });
    expect(body.numberPrefix).toMatch(/^[A-Z0-9-]+$/);
    expect(body.levels.map((l: { name: { en: string }; position: number }) => [l.position, l.name.en])).toEqual([
      [0, 'Engineer'],
      [1, 'Lead Engineer'],
    ]);
    const requirements = body.levels[0].requirements;
    expect(requirements.map((r: { kind: string }) => r.kind)).toEqual(['courses', 'cpd_credits', 'exam', 'experience', 'document']);
    expect(requirements[0].courses).toEqual([expect.objectContaining({ id: uz.courses.rain, cpdCredits: 3 })]);
    expect(requirements[1]).toMatchObject({ credits: 5, windowYears: 3 });
    for (const r of requirements) expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuse bad fields with localised messages naming each field', async () => {
    const res = await uz.staff.request({
      method: 'POST',
      url: '/api/v1/schemes?lang=ru',
      payload: schemeInput(uz, {
        numberPrefix: 'UZ ENG!',
        validityYears: 0,
        fee: { amount: 10, currency: 'сум' },
        levels: [
          {
            name: { en: 'Engineer' },
            requirements: [
              { kind: 'courses', courseIds: [kz.courses.rain] },
              { kind: 'cpd_credits' },
            ],
          },
        ],
      }),
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(fields).toMatchObject({
      numberPrefix: expect.stringContaining('латинские'),
      validityYears: 'Не меньше 1.',
      'fee.currency': expect.stringContaining('код валюты'),
      'levels.0.requirements.0.courseIds': expect.stringContaining('той же ассоциации'),
      'levels.0.requirements.1.credits': expect.any(String),
    });

    const unknownType = await uz.staff.request({
      method: 'POST',
      url: '/api/v1/schemes',
      payload: schemeInput(uz, { levels: [{ name: { en: 'Engineer' }, requirements: [{ kind: 'document', documentType: 'passport' }] }] }),
    });
    expect(unknownType.statusCode).toBe(400);
    expect(Object.keys(unknownType.json().error.fields)).toEqual(['levels.0.requirements.0.documentType']);
  });

  it('keep number prefixes unique across associations', async () => {
    const first = await createScheme(uz);
    const again = await kz.staff.request({ method: 'POST', url: '/api/v1/schemes', payload: schemeInput(kz, { numberPrefix: first.numberPrefix }) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual({ numberPrefix: 'This value is already in use.' });
  });

  it('are written only by staff of their association', async () => {
    const scheme = await createScheme(uz);
    for (const agent of [kz.staff, uz.trainer, uz.assessor, engineer]) {
      const patch = await agent.request({ method: 'PATCH', url: `/api/v1/schemes/${scheme.id}`, payload: { validityYears: 5 } });
      expect(patch.statusCode).toBe(403);
      const create = await agent.request({ method: 'POST', url: '/api/v1/schemes', payload: schemeInput(uz) });
      expect(create.statusCode).toBe(403);
    }
  });

  it('edit levels as a whole list: kept by id, added, reordered, removed', async () => {
    const scheme = await createScheme(uz);
    const [engineerLevel, lead] = scheme.levels;
    const res = await uz.staff.request({
      method: 'PATCH',
      url: `/api/v1/schemes/${scheme.id}`,
      payload: {
        validityYears: 5,
        fee: null,
        levels: [
          { id: lead!.id, name: { en: 'Lead Engineer' }, requirements: [{ id: lead!.requirements[0]!.id, kind: 'experience', years: 8 }] },
          { name: { en: 'Chief Engineer' }, requirements: [] },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<SchemeBody & { validityYears: number; fee: unknown }>();
    expect(body.validityYears).toBe(5);
    expect(body.fee).toBeNull();
    expect(body.levels.map((l) => l.id)).toContain(lead!.id);
    expect(body.levels.map((l) => l.id)).not.toContain(engineerLevel!.id);
    expect(body.levels[0]).toMatchObject({ id: lead!.id, requirements: [{ id: lead!.requirements[0]!.id, years: 8 }] });
    expect(body.levels[1]!.name.en).toBe('Chief Engineer');
  });

  it('refuse to remove a level that an application names', async () => {
    const scheme = await createScheme(uz);
    const applied = await engineer.request({ method: 'POST', url: '/api/v1/applications', payload: { levelId: scheme.levels[1]!.id } });
    expect(applied.statusCode, applied.body).toBe(201);
    const res = await uz.staff.request({
      method: 'PATCH',
      url: `/api/v1/schemes/${scheme.id}?lang=lv`,
      payload: { levels: [{ id: scheme.levels[0]!.id, name: { en: 'Engineer' } }] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('Līmeni');
  });

  it('show drafts only to members of the association; open ones to anyone', async () => {
    const draft = await createScheme(uz, { status: 'draft' });
    const open = await createScheme(uz);
    const anonymous = await ctx.app.inject({ method: 'GET', url: `/api/v1/schemes?associationId=${uz.association.id}` });
    const ids = anonymous.json().items.map((s: { id: string }) => s.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(draft.id);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/schemes/${draft.id}` })).statusCode).toBe(404);
    expect((await kz.staff.request({ method: 'GET', url: `/api/v1/schemes/${draft.id}` })).statusCode).toBe(404);
    expect((await uz.trainer.request({ method: 'GET', url: `/api/v1/schemes/${draft.id}` })).statusCode).toBe(200);
    const applied = await engineer.request({ method: 'POST', url: '/api/v1/applications', payload: { levelId: draft.levels[0]!.id } });
    expect(applied.statusCode).toBe(404);
  });
});

describe('exam results', () => {
  it('are entered by assessors of the association for its people and applicants, and read by them', async () => {
    const scheme = await createScheme(uz);
    const person = await uz.staff.request({ method: 'POST', url: '/api/v1/people', payload: { associationId: uz.association.id, fullName: 'Dilnoza Karimova' } });
    const personId = person.json<{ id: string }>().id;
    const result = { personId, levelId: scheme.levels[0]!.id, examName: 'Written exam', score: 78.5, passed: true, takenOn: '2026-01-15' };
    const res = await uz.assessor.request({ method: 'POST', url: `/api/v1/schemes/${scheme.id}/exam-results`, payload: result });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fullName: 'Dilnoza Karimova', score: 78.5, passed: true, takenOn: '2026-01-15' });

    const list = await uz.staff.request({ method: 'GET', url: `/api/v1/schemes/${scheme.id}/exam-results?personId=${personId}` });
    expect(list.json().items).toHaveLength(1);

    expect((await kz.assessor.request({ method: 'POST', url: `/api/v1/schemes/${scheme.id}/exam-results`, payload: result })).statusCode).toBe(403);
    expect((await uz.trainer.request({ method: 'GET', url: `/api/v1/schemes/${scheme.id}/exam-results` })).statusCode).toBe(403);

    const stranger = await kz.staff.request({ method: 'POST', url: '/api/v1/people', payload: { associationId: kz.association.id, fullName: 'Айгерим Сапарова' } });
    const wrong = await uz.assessor.request({
      method: 'POST',
      url: `/api/v1/schemes/${scheme.id}/exam-results`,
      payload: { ...result, personId: stranger.json<{ id: string }>().id, levelId: (await createScheme(uz)).levels[0]!.id, takenOn: '2999-01-01' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().error.fields).sort()).toEqual(['levelId', 'personId', 'takenOn']);
  });

  it('a third association can be made without touching the others', async () => {
    const lv = await makeAssociation(ctx, { country: 'LV', defaultLocale: 'lv' });
    const staff = await signedInAgent(ctx, { roles: [[lv.id, 'admin']] });
    const res = await staff.request({
      method: 'POST',
      url: '/api/v1/schemes',
      payload: { associationId: lv.id, name: { lv: 'Inženieru sertifikācija' }, numberPrefix: prefix('LV'), validityYears: 5, levels: [{ name: { lv: 'Inženieris' } }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ certificateLocales: ['lv', 'en'], status: 'draft', fee: null, renewalCpdCredits: 0 });
  });
});
