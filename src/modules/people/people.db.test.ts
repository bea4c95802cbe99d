import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import type { AssociationRow } from '../associations/repository.js';
import { users } from '../accounts/tables.js';

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

async function create(agent: Agent, payload: Record<string, unknown>) {
  const res = await agent.request({ method: 'POST', url: '/api/v1/people', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string } & Record<string, unknown>>();
}

async function createOrganisation(agent: Agent, payload: Record<string, unknown>) {
  const res = await agent.request({ method: 'POST', url: '/api/v1/organisations', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string } & Record<string, unknown>>();
}

describe('people', () => {
  it('creates, reads and edits a person; consent dates are stamped and cleared', async () => {
    const employer = await createOrganisation(staff, { associationId: uz.id, name: 'Toshkent shahar suv taʼminoti', kind: 'utility' });
    const created = await create(staff, {
      associationId: uz.id,
      fullName: '  Шукуров Жасур Алишерович ',
      nameLatin: 'Shukurov Jasur',
      gender: 'male',
      birthDate: '1986-03-14',
      country: 'uz',
      city: 'Tashkent',
      sector: 'water_supply',
      employerId: employer.id,
      position: 'Chief engineer',
      email: 'j.shukurov@example.uz',
      phone: '+998 90 123 45 67',
      registryConsent: true,
    });
    expect(created).toMatchObject({
      associationId: uz.id,
      fullName: 'Шукуров Жасур Алишерович',
      nameLatin: 'Shukurov Jasur',
      gender: 'male',
      birthDate: '1986-03-14',
      country: 'UZ',
      sector: 'water_supply',
      employerId: employer.id,
      employerName: 'Toshkent shahar suv taʼminoti',
      registryConsent: true,
      emailConsent: false,
      emailConsentAt: null,
    });
    expect(Date.parse(created.registryConsentAt as string)).not.toBeNaN();
    expect(created).not.toHaveProperty('searchKey');
    expect(created).not.toHaveProperty('mergedIntoId');

    const read = await trainer.request({ method: 'GET', url: `/api/v1/people/${created.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(created);

    const edited = await staff.request({
      method: 'PATCH',
      url: `/api/v1/people/${created.id}`,
      payload: { position: 'Technical director', registryConsent: false, emailConsent: true, phone: '' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      fullName: 'Шукуров Жасур Алишерович',
      position: 'Technical director',
      registryConsent: false,
      registryConsentAt: null,
      emailConsent: true,
      phone: null,
      city: 'Tashkent',
    });
  });

  it('names each invalid field in the caller’s language', async () => {
    const res = await staff.request({
      method: 'POST',
      url: '/api/v1/people?lang=ru',
      payload: { associationId: uz.id, fullName: '', email: 'not-an-email', gender: 'man', birthDate: '1990-02-30', country: 'XX' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; fields: Record<string, string> } }>();
    expect(body.error.code).toBe('validation');
    expect(body.error.fields.fullName).toBe('Обязательное поле.');
    expect(Object.keys(body.error.fields)).toContain('gender');

    const domain = await staff.request({
      method: 'POST',
      url: '/api/v1/people?lang=lv',
      payload: { associationId: uz.id, fullName: 'Jānis Bērziņš', email: 'not-an-email', birthDate: '1990-02-30', country: 'XX', nameLatin: 'Янис' },
    });
    expect(domain.statusCode).toBe(400);
    const fields = domain.json<{ error: { fields: Record<string, string> } }>().error.fields;
    expect(Object.keys(fields).sort()).toEqual(['birthDate', 'country', 'email', 'nameLatin']);
    expect(fields.nameLatin).toBe('Izmantojiet tikai latīņu burtus.');
    expect(fields.birthDate).toContain('dzimšanas datumu');
  });

  it('refuses a second person with the same e-mail in the association, but not in another one', async () => {
    await create(staff, { associationId: uz.id, fullName: 'Gulnora Karimova', email: 'gulnora@example.uz' });
    const again = await staff.request({
      method: 'POST',
      url: '/api/v1/people',
      payload: { associationId: uz.id, fullName: 'Karimova Gulnora', email: 'GULNORA@example.uz' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      error: { code: 'duplicate', message: 'A record with the same E-mail already exists.', fields: { email: 'This value is already in use.' } },
    });
    await create(kzStaff, { associationId: kz.id, fullName: 'Gulnora Karimova', email: 'gulnora@example.uz' });

    const other = await create(staff, { associationId: uz.id, fullName: 'Dilnoza Rahimova' });
    const edit = await staff.request({ method: 'PATCH', url: `/api/v1/people/${other.id}`, payload: { email: 'Gulnora@Example.uz' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.fields).toHaveProperty('email');
  });

  it('keeps an employer within the association', async () => {
    const foreign = await createOrganisation(kzStaff, { associationId: kz.id, name: 'Алматы Су' });
    const res = await staff.request({
      method: 'POST',
      url: '/api/v1/people',
      payload: { associationId: uz.id, fullName: 'Azizbek Tursunov', employerId: foreign.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ employerId: 'Choose an organisation of the same association.' });
  });
});

describe('search and paging', () => {
  let assoc: AssociationRow;
  let agent: Agent;

  beforeAll(async () => {
    assoc = await makeAssociation(ctx);
    agent = await signedInAgent(ctx, { roles: [[assoc.id, 'staff']] });
    const names: Array<[string, string | null]> = [
      ['Холматов Шохрух', null],
      ['Xolmatova Nilufar', null],
      ['Юлдашев Бахтиёр', 'Yuldashev Bakhtiyor'],
      ['Oʻrinboyev Sardor', null],
      ['Қасымов Ерлан', null],
      ['Bērziņš Jānis', null],
      ['Zhasur Aliev', null],
    ];
    for (const [fullName, nameLatin] of names) await create(agent, { associationId: assoc.id, fullName, nameLatin });
    for (let i = 1; i <= 23; i++) await create(agent, { associationId: assoc.id, fullName: `Test Person ${String(i).padStart(2, '0')}` });
  });

  const search = async (q: string) => {
    const res = await agent.request({ method: 'GET', url: `/api/v1/people?associationId=${assoc.id}&q=${encodeURIComponent(q)}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Array<{ fullName: string }>; total: number }>();
  };

  it.each([
    ['Kholmatov', ['Холматов Шохрух', 'Xolmatova Nilufar']],
    ['Холматова', ['Xolmatova Nilufar']],
    ['Yuldashev', ['Юлдашев Бахтиёр']],
    ['Ўринбоев', ['Oʻrinboyev Sardor']],
    ['Kasymov', ['Қасымов Ерлан']],
    ['Qasymov Yerlan', ['Қасымов Ерлан']],
    ['Берзиньш', ['Bērziņš Jānis']],
    ['Жасур', ['Zhasur Aliev']],
  ])('“%s” finds %j', async (q, expected) => {
    const found = await search(q);
    expect(found.items.map((p) => p.fullName).sort()).toEqual([...expected].sort());
    expect(found.total).toBe(expected.length);
  });

  it('ranks the closest name first', async () => {
    const found = await search('Xolmatov');
    expect(found.items[0]!.fullName).toBe('Холматов Шохрух');
  });

  it('pages through the list in name order with the total', async () => {
    const first = await agent.request({ method: 'GET', url: `/api/v1/people?associationId=${assoc.id}&q=test%20person&pageSize=10` });
    expect(first.json()).toMatchObject({ total: 23, page: 1, pageSize: 10 });
    expect(first.json().items.map((p: { fullName: string }) => p.fullName)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Test Person ${String(i + 1).padStart(2, '0')}`),
    );
    const last = await agent.request({ method: 'GET', url: `/api/v1/people?associationId=${assoc.id}&q=test%20person&pageSize=10&page=3` });
    expect(last.json()).toMatchObject({ total: 23, page: 3 });
    expect(last.json().items.map((p: { fullName: string }) => p.fullName)).toEqual(['Test Person 21', 'Test Person 22', 'Test Person 23']);
    const beyond = await agent.request({ method: 'GET', url: `/api/v1/people?associationId=${assoc.id}&page=9` });
    expect(beyond.json()).toMatchObject({ items: [], total: 30 });
    const tooBig = await agent.request({ method: 'GET', url: `/api/v1/people?pageSize=101` });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.fields).toHaveProperty('pageSize');
  });
});

describe('isolation between associations', () => {
  it('staff of one association neither see nor change another association’s people', async () => {
    const kzPerson = await create(kzStaff, { associationId: kz.id, fullName: 'Айгерим Нурланова' });
    const uzPerson = await create(staff, { associationId: uz.id, fullName: 'Aigerim Nurlanova' });

    expect((await staff.request({ method: 'GET', url: `/api/v1/people/${kzPerson.id}` })).statusCode).toBe(404);
    const patch = await staff.request({ method: 'PATCH', url: `/api/v1/people/${kzPerson.id}`, payload: { city: 'Almaty' } });
    expect(patch.statusCode).toBe(404);
    const intoOther = await staff.request({ method: 'POST', url: '/api/v1/people', payload: { associationId: kz.id, fullName: 'Someone' } });
    expect(intoOther.statusCode).toBe(403);
    const listOther = await staff.request({ method: 'GET', url: `/api/v1/people?associationId=${kz.id}` });
    expect(listOther.statusCode).toBe(403);
    const merge = await staff.request({ method: 'POST', url: `/api/v1/people/${uzPerson.id}/merge`, payload: { duplicateId: kzPerson.id } });
    expect(merge.statusCode).toBe(404);

    const list = await staff.request({ method: 'GET', url: '/api/v1/people?q=Aigerim&pageSize=100' });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([uzPerson.id]);
    const all = await staff.request({ method: 'GET', url: '/api/v1/people?pageSize=100' });
    expect(all.json().items.every((p: { associationId: string }) => p.associationId === uz.id)).toBe(true);

    const admin = await signedInAgent(ctx, { platformAdmin: true });
    const everyone = await admin.request({ method: 'GET', url: '/api/v1/people?q=Aigerim' });
    expect(everyone.json().items.map((p: { id: string }) => p.id).sort()).toEqual([kzPerson.id, uzPerson.id].sort());

    const stranger = await signedInAgent(ctx);
    expect((await stranger.request({ method: 'GET', url: '/api/v1/people' })).json()).toMatchObject({ items: [], total: 0 });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/people' })).statusCode).toBe(401);
  });

  it('trainers read but do not write', async () => {
    const person = await create(staff, { associationId: uz.id, fullName: 'Malika Yusupova' });
    expect((await trainer.request({ method: 'GET', url: `/api/v1/people?associationId=${uz.id}` })).statusCode).toBe(200);
    const patch = await trainer.request({ method: 'PATCH', url: `/api/v1/people/${person.id}`, payload: { city: 'Samarkand' } });
    expect(patch.statusCode).toBe(403);
    const post = await trainer.request({ method: 'POST', url: '/api/v1/people', payload: { associationId: uz.id, fullName: 'X Y' } });
    expect(post.statusCode).toBe(403);
    const other = await create(staff, { associationId: uz.id, fullName: 'Malika Yusupova' });
    const merge = await trainer.request({ method: 'POST', url: `/api/v1/people/${person.id}/merge`, payload: { duplicateId: other.id } });
    expect(merge.statusCode).toBe(403);
  });
});

describe('merging people', () => {
  it('fills empty fields, moves accounts, hides the duplicate and resolves its old id', async () => {
    const kept = await create(staff, { associationId: uz.id, fullName: 'Рахимова Гулчехра', gender: 'female', city: 'Samarkand' });
    const duplicate = await create(staff, {
      associationId: uz.id,
      fullName: 'Rahimova Gulchehra',
      email: 'dilnoza.r@example.uz',
      birthDate: '1991-07-02',
      city: 'Tashkent',
      registryConsent: true,
    });
    await ctx.database.db.update(users).set({ personId: duplicate.id }).where(eq(users.id, staff.userId));

    const res = await staff.request({ method: 'POST', url: `/api/v1/people/${kept.id}/merge`, payload: { duplicateId: duplicate.id } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: kept.id,
      fullName: 'Рахимова Гулчехра',
      city: 'Samarkand',
      email: 'dilnoza.r@example.uz',
      birthDate: '1991-07-02',
      registryConsent: true,
      gender: 'female',
    });

    const [account] = await ctx.database.db.select({ personId: users.personId }).from(users).where(eq(users.id, staff.userId));
    expect(account!.personId).toBe(kept.id);

    const old = await staff.request({ method: 'GET', url: `/api/v1/people/${duplicate.id}` });
    expect(old.statusCode).toBe(200);
    expect(old.json().id).toBe(kept.id);

    const list = await staff.request({ method: 'GET', url: `/api/v1/people?associationId=${uz.id}&q=Gulchehra%20Rahimova` });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([kept.id]);

    const again = await staff.request({ method: 'POST', url: `/api/v1/people/${kept.id}/merge`, payload: { duplicateId: duplicate.id } });
    expect(again.statusCode).toBe(409);
    const self = await staff.request({ method: 'POST', url: `/api/v1/people/${kept.id}/merge`, payload: { duplicateId: kept.id } });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields).toHaveProperty('duplicateId');
  });
});

describe('organisations', () => {
  it('creates, searches across scripts, edits and merges, moving employees', async () => {
    const kept = await createOrganisation(kzStaff, {
      associationId: kz.id,
      name: 'Шымкентский водоканал',
      nameLatin: 'Shymkent Vodokanal',
      kind: 'utility',
      country: 'KZ',
      website: 'vodokanal.kz',
    });
    expect(kept).toMatchObject({ kind: 'utility', website: 'https://vodokanal.kz', city: null });
    const duplicate = await createOrganisation(kzStaff, { associationId: kz.id, name: 'Shymkent vodokanal', city: 'Shymkent', kind: 'other' });
    const employee = await create(kzStaff, { associationId: kz.id, fullName: 'Ерлан Касымов', employerId: duplicate.id });

    const found = await kzStaff.request({ method: 'GET', url: `/api/v1/organisations?associationId=${kz.id}&q=Шымкент` });
    expect(found.json().items.map((o: { id: string }) => o.id).sort()).toEqual([kept.id, duplicate.id].sort());

    const edited = await kzStaff.request({ method: 'PATCH', url: `/api/v1/organisations/${kept.id}`, payload: { phone: '+7 7252 53 00 00' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().phone).toBe('+7 7252 53 00 00');
    const badSite = await kzStaff.request({ method: 'PATCH', url: `/api/v1/organisations/${kept.id}`, payload: { website: 'not a site' } });
    expect(badSite.statusCode).toBe(400);

    const merged = await kzStaff.request({ method: 'POST', url: `/api/v1/organisations/${kept.id}/merge`, payload: { duplicateId: duplicate.id } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ id: kept.id, city: 'Shymkent', kind: 'utility' });

    const person = await kzStaff.request({ method: 'GET', url: `/api/v1/people/${employee.id}` });
    expect(person.json()).toMatchObject({ employerId: kept.id, employerName: 'Шымкентский водоканал' });
    const old = await kzStaff.request({ method: 'GET', url: `/api/v1/organisations/${duplicate.id}` });
    expect(old.json().id).toBe(kept.id);
    const list = await kzStaff.request({ method: 'GET', url: `/api/v1/organisations?associationId=${kz.id}&q=vodokanal` });
    expect(list.json().items.map((o: { id: string }) => o.id)).toEqual([kept.id]);

    expect((await staff.request({ method: 'GET', url: `/api/v1/organisations/${kept.id}` })).statusCode).toBe(404);
    expect((await trainer.request({ method: 'POST', url: '/api/v1/organisations', payload: { associationId: uz.id, name: 'X' } })).statusCode).toBe(403);
  });
});
