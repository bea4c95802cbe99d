import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import { acknowledgementHtml, AcknowledgementNote } from '../../web/server/acknowledgement.js';
import type { AssociationRow } from '../associations/repository.js';
import { getProjectAcknowledgement } from './project-acknowledgement.js';

const ACKNOWLEDGEMENT = {
  en: 'This publication was produced with the financial support of the European Union. Its contents are the sole responsibility of ACEC-UZ and do not necessarily reflect the views of the European Union.',
  ru: 'Эта публикация подготовлена при финансовой поддержке Европейского союза. Ответственность за её содержание несёт исключительно ACEC-UZ, и оно не обязательно отражает позицию Европейского союза.',
  uz: 'Ushbu nashr Yevropa Ittifoqining moliyaviy koʻmagida tayyorlangan. Uning mazmuni uchun faqat ACEC-UZ javobgar boʻlib, u Yevropa Ittifoqining fikrini aks ettirmasligi mumkin.',
  kk: 'Бұл басылым Еуропалық Одақтың қаржылық қолдауымен дайындалды. Оның мазмұнына тек ACEC-UZ жауапты және ол Еуропалық Одақтың көзқарасын міндетті түрде білдірмейді.',
};

let ctx: TestContext;
let uz: AssociationRow;
let kz: AssociationRow;
let staff: Agent;
let kzStaff: Agent;
let trainer: Agent;
let university: string;
let utility: string;
let kzOrganisation: string;

async function organisation(agent: Agent, associationId: string, name: string) {
  const res = await agent.request({ method: 'POST', url: '/api/v1/organisations', payload: { associationId, name } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

beforeAll(async () => {
  ctx = await createTestApp();
  uz = await makeAssociation(ctx);
  kz = await makeAssociation(ctx, { country: 'KZ' });
  staff = await signedInAgent(ctx, { roles: [[uz.id, 'admin']] });
  kzStaff = await signedInAgent(ctx, { roles: [[kz.id, 'staff']] });
  trainer = await signedInAgent(ctx, { roles: [[uz.id, 'trainer']] });
  university = await organisation(staff, uz.id, 'Tashkent University of Architecture and Civil Engineering');
  utility = await organisation(staff, uz.id, 'Toshkent shahar suv taʼminoti');
  kzOrganisation = await organisation(kzStaff, kz.id, 'Астана Су Арнасы');
});
afterAll(async () => ctx.close());

async function createProject(payload: Record<string, unknown>) {
  const res = await staff.request({ method: 'POST', url: '/api/v1/projects', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string } & Record<string, unknown>>();
}

describe('projects', () => {
  it('creates a project with partners and an acknowledgement per language, and edits it', async () => {
    const created = await createProject({
      associationId: uz.id,
      name: 'ENGINE',
      donor: 'European Union',
      programme: 'Erasmus+ Capacity Building in Higher Education',
      agreementNumber: '101082915',
      startsOn: '2023-01-01',
      endsOn: '2026-12-31',
      acknowledgement: ACKNOWLEDGEMENT,
      partners: [
        { organisationId: utility, role: 'associated' },
        { organisationId: university, role: 'coordinator' },
        { organisationId: university, role: 'partner' },
      ],
    });
    expect(created).toMatchObject({
      associationId: uz.id,
      donor: 'European Union',
      startsOn: '2023-01-01',
      acknowledgement: ACKNOWLEDGEMENT,
      partners: [
        { organisationId: university, role: 'coordinator', name: 'Tashkent University of Architecture and Civil Engineering' },
        { organisationId: utility, role: 'associated' },
      ],
    });
    const read = await staff.request({ method: 'GET', url: `/api/v1/projects/${created.id}` });
    expect(read.json()).toEqual(created);

    const edited = await staff.request({
      method: 'PATCH',
      url: `/api/v1/projects/${created.id}`,
      payload: { partners: [{ organisationId: utility }], acknowledgement: { ...ACKNOWLEDGEMENT, lv: 'Šī publikācija sagatavota ar Eiropas Savienības finansiālu atbalstu.' }, agreementNumber: null },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      name: 'ENGINE',
      agreementNumber: null,
      partners: [{ organisationId: utility, role: 'partner' }],
      acknowledgement: { lv: 'Šī publikācija sagatavota ar Eiropas Savienības finansiālu atbalstu.' },
    });
  });

  it('names each invalid field in the caller’s language and writes nothing', async () => {
    const res = await staff.request({
      method: 'POST',
      url: '/api/v1/projects?lang=ru',
      payload: {
        associationId: uz.id,
        name: '  ',
        donor: 'EU',
        startsOn: '2025-02-30',
        partners: [{ organisationId: kzOrganisation }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      name: 'Обязательное поле.',
      startsOn: expect.any(String),
      'partners.0.organisationId': 'Выберите организацию той же ассоциации.',
    });
    const order = await staff.request({
      method: 'POST',
      url: '/api/v1/projects?lang=uz',
      payload: { associationId: uz.id, name: 'Late', donor: 'EU', startsOn: '2025-06-01', endsOn: '2025-05-31' },
    });
    expect(order.json().error.fields).toEqual({ endsOn: 'Tugash sanasi boshlanish sanasidan oldin boʻlishi mumkin emas.' });
    const list = await staff.request({ method: 'GET', url: `/api/v1/projects?associationId=${uz.id}&q=late` });
    expect(list.json().total).toBe(0);
  });

  it('checks a changed date against the stored one', async () => {
    const project = await createProject({ associationId: uz.id, name: 'Dated', donor: 'GIZ', startsOn: '2024-01-01', endsOn: '2024-12-31' });
    const res = await staff.request({ method: 'PATCH', url: `/api/v1/projects/${project.id}?lang=kk`, payload: { startsOn: '2025-01-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ endsOn: 'Аяқталу күні басталу күнінен бұрын бола алмайды.' });
  });

  it('is seen and changed by the association’s staff alone', async () => {
    const project = await createProject({ associationId: uz.id, name: 'Private', donor: 'World Bank', agreementNumber: 'WB-7' });
    for (const agent of [kzStaff, trainer]) {
      expect((await agent.request({ method: 'GET', url: `/api/v1/projects/${project.id}` })).statusCode).toBe(404);
      expect((await agent.request({ method: 'PATCH', url: `/api/v1/projects/${project.id}`, payload: { name: 'Mine' } })).statusCode).toBe(404);
      const list = await agent.request({ method: 'GET', url: '/api/v1/projects' });
      expect(list.json().items.map((p: { id: string }) => p.id)).not.toContain(project.id);
    }
    expect((await kzStaff.request({ method: 'GET', url: `/api/v1/projects?associationId=${uz.id}` })).statusCode).toBe(403);
    expect((await kzStaff.request({ method: 'POST', url: '/api/v1/projects', payload: { associationId: uz.id, name: 'X', donor: 'Y' } })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(401);
    const mine = await staff.request({ method: 'GET', url: '/api/v1/projects?q=wb-7' });
    expect(mine.json().items.map((p: { name: string }) => p.name)).toEqual(['Private']);
  });
});

describe('the acknowledgement', () => {
  it('comes in the wanted language, else in English, and not at all without a text', async () => {
    const project = await createProject({ associationId: uz.id, name: 'Ack', donor: 'European Union', acknowledgement: ACKNOWLEDGEMENT });
    const db = ctx.database.db;
    expect(await getProjectAcknowledgement(db, project.id, 'kk')).toEqual({
      text: ACKNOWLEDGEMENT.kk,
      lang: 'kk',
      projectName: 'Ack',
      donor: 'European Union',
    });
    expect(await getProjectAcknowledgement(db, project.id, 'lv')).toMatchObject({ text: ACKNOWLEDGEMENT.en, lang: 'en' });
    const silent = await createProject({ associationId: uz.id, name: 'Silent', donor: 'Nobody' });
    expect(await getProjectAcknowledgement(db, silent.id, 'en')).toBeNull();
    expect(await getProjectAcknowledgement(db, '00000000-0000-4000-8000-000000000000', 'en')).toBeNull();
  });

  it('ends a page as a labelled note, marking text in another language', async () => {
    const db = ctx.database.db;
    const project = await createProject({ associationId: uz.id, name: 'Note', donor: 'European Union', acknowledgement: { en: 'Funded by the EU <& partners>.', uz: ACKNOWLEDGEMENT.uz } });
    const uzText = await getProjectAcknowledgement(db, project.id, 'uz');
    expect(renderToStaticMarkup(AcknowledgementNote({ acknowledgement: uzText, label: 'Moliyalashtirish', pageLocale: 'uz' }))).toBe(
      `<aside class="acknowledgement" aria-label="Moliyalashtirish"><p>${ACKNOWLEDGEMENT.uz}</p></aside>`,
    );
    const fallback = await getProjectAcknowledgement(db, project.id, 'ru');
    expect(renderToStaticMarkup(AcknowledgementNote({ acknowledgement: fallback, label: 'Финансирование', pageLocale: 'ru' }))).toBe(
      '<aside class="acknowledgement" aria-label="Финансирование"><p lang="en-GB">Funded by the EU &lt;&amp; partners&gt;.</p></aside>',
    );
    expect(acknowledgementHtml(fallback, 'Funding', 'ru')).toBe(
      '<aside class="acknowledgement" aria-label="Funding"><p lang="en-GB">Funded by the EU &#60;&#38; partners&#62;.</p></aside>',
    );
    expect(AcknowledgementNote({ acknowledgement: null, label: 'x', pageLocale: 'en' })).toBeNull();
  });
});
