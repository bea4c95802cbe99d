import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import type { AssociationRow } from '../associations/repository.js';
import { rainwaterCourse } from './catalogue-test-data.js';

let ctx: TestContext;
let uz: AssociationRow;
let kz: AssociationRow;
let staff: Agent;
let kzStaff: Agent;
let trainer: Agent;

beforeAll(async () => {
  ctx = await createTestApp();
  uz = await makeAssociation(ctx, { country: 'UZ' });
  kz = await makeAssociation(ctx, { country: 'KZ' });
  staff = await signedInAgent(ctx, { roles: [[uz.id, 'staff']] });
  kzStaff = await signedInAgent(ctx, { roles: [[kz.id, 'admin']] });
  trainer = await signedInAgent(ctx, { roles: [[uz.id, 'trainer']] });
});
afterAll(async () => ctx.close());

async function createCourse(agent: Agent, payload: Record<string, unknown>) {
  const res = await agent.request({ method: 'POST', url: '/api/v1/courses', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string } & Record<string, unknown>>();
}

describe('programmes', () => {
  it('are created by staff, read by anyone, and keep codes unique per association', async () => {
    const res = await staff.request({
      method: 'POST',
      url: '/api/v1/programmes',
      payload: { associationId: uz.id, code: 'ENGINE', title: { en: 'ENGINE', ru: 'ENGINE' }, summary: { en: ' Green water  and heat. ' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const programme = res.json();
    expect(programme).toMatchObject({ code: 'ENGINE', summary: { en: 'Green water and heat.' } });

    const list = await ctx.app.inject({ method: 'GET', url: `/api/v1/programmes?associationId=${uz.id}` });
    expect(list.json().items.map((p: { code: string }) => p.code)).toEqual(['ENGINE']);

    const again = await staff.request({
      method: 'POST',
      url: '/api/v1/programmes?lang=ru',
      payload: { associationId: uz.id, code: 'ENGINE', title: { en: 'Another' } },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual({ code: 'Это значение уже используется.' });

    const foreign = await kzStaff.request({ method: 'PATCH', url: `/api/v1/programmes/${programme.id}`, payload: { title: { en: 'Mine' } } });
    expect(foreign.statusCode).toBe(403);
    const byTrainer = await trainer.request({ method: 'POST', url: '/api/v1/programmes', payload: { associationId: uz.id, code: 'X', title: { en: 'X' } } });
    expect(byTrainer.statusCode).toBe(403);
  });
});

describe('courses', () => {
  it('creates a course with every field, reads it back, and edits some fields', async () => {
    const programme = (
      await staff.request({ method: 'POST', url: '/api/v1/programmes', payload: { associationId: uz.id, code: 'P-1', title: { en: 'Programme one' } } })
    ).json<{ id: string }>();
    const created = await createCourse(staff, rainwaterCourse(uz.id, { programmeId: programme.id, status: 'draft' }));
    expect(created).toMatchObject({
      associationId: uz.id,
      programmeId: programme.id,
      code: 'ENG-RW-01',
      slug: 'eng-rw-01',
      title: { uz: 'Yomgʻir suvlarini barqaror boshqarish uchun yashil yechimlar' },
      learningOutcomes: [{ en: 'Size a bioretention cell for a 10-year storm.' }, { uz: 'Yashil tomlar samaradorligini baholash.' }],
      competencyAreas: ['technical', 'environmental'],
      sectors: ['rainwater'],
      hours: 24,
      cpdCredits: 3,
      eqfLevel: 6,
      status: 'draft',
      materials: [],
    });

    const read = await trainer.request({ method: 'GET', url: `/api/v1/courses/${created.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(created);

    const edited = await staff.request({
      method: 'PATCH',
      url: `/api/v1/courses/${created.id}`,
      payload: { slug: 'green-rainwater', hours: 16.5, eqfLevel: null, title: { ...(created.title as object), kk: 'Жаңбыр суын басқарудың жасыл шешімдері' }, status: 'published' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      slug: 'green-rainwater',
      hours: 16.5,
      eqfLevel: null,
      status: 'published',
      title: { kk: 'Жаңбыр суын басқарудың жасыл шешімдері', ru: 'Зелёные решения для устойчивого управления дождевыми водами' },
      code: 'ENG-RW-01',
    });
  });

  it('names each invalid field in the caller’s language', async () => {
    const res = await staff.request({
      method: 'POST',
      url: '/api/v1/courses?lang=ru',
      payload: rainwaterCourse(uz.id, {
        code: 'RW 2',
        title: { en: '  ', ru: '' },
        hours: 0,
        eqfLevel: 9,
        learningOutcomes: [{ en: 'Fine' }, {}],
        escoSkills: [{ uri: 'https://example.org/skill/1', label: 'x' }],
      }),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: string; fields: Record<string, string> } }>();
    expect(body.error.code).toBe('validation');
    expect(body.error.message).toBe('Проверьте выделенные поля.');
    expect(body.error.fields).toEqual({
      code: 'Используйте буквы, цифры, точки, дефисы и косые черты; в начале — буква или цифра.',
      title: 'Заполните хотя бы на одном языке.',
      'learningOutcomes.1': 'Заполните хотя бы на одном языке.',
      'escoSkills.0.uri': 'Введите адрес навыка ESCO, например http://data.europa.eu/esco/skill/…',
      hours: 'Должно быть больше 0.',
      eqfLevel: 'Выберите уровень EQF от 1 до 8.',
    });

    const lv = await staff.request({ method: 'POST', url: '/api/v1/courses?lang=lv', payload: { associationId: uz.id, title: { lv: 'Kurss' } } });
    expect(lv.statusCode).toBe(400);
    expect(lv.json().error.fields).toEqual({ code: 'Šis lauks ir obligāts.', hours: 'Šis lauks ir obligāts.' });

    const enumError = await staff.request({ method: 'POST', url: '/api/v1/courses', payload: rainwaterCourse(uz.id, { code: 'E-1', competencyAreas: ['magic'] }) });
    expect(enumError.statusCode).toBe(400);
    expect(Object.keys(enumError.json().error.fields)).toEqual(['competencyAreas.0']);
  });

  it('refuses a code or slug already used in the association, but not in another one', async () => {
    await createCourse(staff, rainwaterCourse(uz.id, { code: 'DUP-1', slug: 'dup-one' }));
    const code = await staff.request({ method: 'POST', url: '/api/v1/courses', payload: rainwaterCourse(uz.id, { code: 'DUP-1', slug: 'other' }) });
    expect(code.statusCode).toBe(409);
    expect(Object.keys(code.json().error.fields)).toEqual(['code']);
    const slug = await staff.request({ method: 'POST', url: '/api/v1/courses', payload: rainwaterCourse(uz.id, { code: 'DUP-2', slug: 'dup-one' }) });
    expect(slug.statusCode).toBe(409);
    expect(slug.json().error).toMatchObject({ code: 'duplicate', message: 'A record with the same Web address already exists.' });
    await createCourse(kzStaff, rainwaterCourse(kz.id, { code: 'DUP-1', slug: 'dup-one' }));
  });

  it('refuses a programme of another association', async () => {
    const kzProgramme = (
      await kzStaff.request({ method: 'POST', url: '/api/v1/programmes', payload: { associationId: kz.id, code: 'KZ-P', title: { kk: 'Бағдарлама' } } })
    ).json<{ id: string }>();
    const res = await staff.request({ method: 'POST', url: '/api/v1/courses', payload: rainwaterCourse(uz.id, { code: 'PX', programmeId: kzProgramme.id }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ programmeId: 'Choose a programme of the same association.' });
  });
});

describe('access', () => {
  let draftId: string;
  let publishedId: string;

  beforeAll(async () => {
    draftId = (await createCourse(staff, rainwaterCourse(uz.id, { code: 'ACC-DRAFT', status: 'draft', title: { en: 'Secret draft' } }))).id;
    publishedId = (await createCourse(staff, rainwaterCourse(uz.id, { code: 'ACC-PUB', title: { en: 'Open course' } }))).id;
  });

  it('shows drafts to members of the association only', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/courses/${draftId}` })).statusCode).toBe(404);
    expect((await kzStaff.request({ method: 'GET', url: `/api/v1/courses/${draftId}` })).statusCode).toBe(404);
    expect((await trainer.request({ method: 'GET', url: `/api/v1/courses/${draftId}` })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/courses/${publishedId}` })).statusCode).toBe(200);

    const anonymous = await ctx.app.inject({ method: 'GET', url: `/api/v1/courses?associationId=${uz.id}&pageSize=100` });
    const anonymousCodes = anonymous.json().items.map((c: { code: string }) => c.code);
    expect(anonymousCodes).toContain('ACC-PUB');
    expect(anonymousCodes).not.toContain('ACC-DRAFT');
    const foreign = await kzStaff.request({ method: 'GET', url: `/api/v1/courses?status=draft&pageSize=100` });
    expect(foreign.json().items.filter((c: { associationId: string }) => c.associationId === uz.id)).toEqual([]);
    const member = await trainer.request({ method: 'GET', url: `/api/v1/courses?status=draft&q=secret` });
    expect(member.json()).toMatchObject({ total: 1, items: [{ code: 'ACC-DRAFT' }] });
  });

  it('lets only staff of the association change a course', async () => {
    const foreignPublished = await kzStaff.request({ method: 'PATCH', url: `/api/v1/courses/${publishedId}`, payload: { hours: 1 } });
    expect(foreignPublished.statusCode).toBe(403);
    const foreignDraft = await kzStaff.request({ method: 'PATCH', url: `/api/v1/courses/${draftId}`, payload: { hours: 1 } });
    expect(foreignDraft.statusCode).toBe(404);
    const byTrainer = await trainer.request({ method: 'PATCH', url: `/api/v1/courses/${draftId}`, payload: { hours: 1 } });
    expect(byTrainer.statusCode).toBe(403);
    const foreignCreate = await kzStaff.request({ method: 'POST', url: '/api/v1/courses', payload: rainwaterCourse(uz.id, { code: 'ACC-X' }) });
    expect(foreignCreate.statusCode).toBe(403);
    const anonymous = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/courses/${publishedId}`, payload: { hours: 1 } });
    expect(anonymous.statusCode).toBe(401);
    const moved = await staff.request({ method: 'PATCH', url: `/api/v1/courses/${publishedId}`, payload: { associationId: kz.id } });
    expect(moved.statusCode).toBe(400);
    const unchanged = await ctx.app.inject({ method: 'GET', url: `/api/v1/courses/${publishedId}` });
    expect(unchanged.json()).toMatchObject({ hours: 24, associationId: uz.id });
  });

  it('searches titles in any language and script, and pages the results', async () => {
    for (let i = 1; i <= 3; i++) {
      await createCourse(staff, rainwaterCourse(uz.id, { code: `PG-${i}`, slug: `pg-${i}`, title: { ru: `Промышленные сточные воды, часть ${i}` } }));
    }
    const first = await staff.request({ method: 'GET', url: `/api/v1/courses?associationId=${uz.id}&q=${encodeURIComponent('сточные')}&pageSize=2` });
    expect(first.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.json().items.map((c: { code: string }) => c.code)).toEqual(['PG-1', 'PG-2']);
    const second = await staff.request({ method: 'GET', url: `/api/v1/courses?associationId=${uz.id}&q=${encodeURIComponent('СТОЧНЫЕ')}&pageSize=2&page=2` });
    expect(second.json().items.map((c: { code: string }) => c.code)).toEqual(['PG-3']);
    const byCode = await staff.request({ method: 'GET', url: `/api/v1/courses?associationId=${uz.id}&q=pg-2` });
    expect(byCode.json().items.map((c: { code: string }) => c.code)).toEqual(['PG-2']);
    const literal = await staff.request({ method: 'GET', url: `/api/v1/courses?associationId=${uz.id}&q=%25` });
    expect(literal.json().total).toBe(0);
  });
});
