import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedInAgent, type Agent, type TestContext } from '../../test/app.js';
import { getProjectAcknowledgement } from '../modules/events/project-acknowledgement.js';
import { LOCALES } from '../config.js';
import { seedDemo } from './seed-demo.js';

let ctx: TestContext;
let admin: Agent;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.database.db);
  admin = await signedInAgent(ctx, { platformAdmin: true });
});
afterAll(async () => ctx.close());

describe('demo catalogue', () => {
  it('publishes the pilot courses of both associations, with titles in all five languages', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/catalogue', headers: { accept: 'text/html', 'accept-language': 'uz' } });
    expect(page.body).toContain('Yomgʻir suvlarini barqaror boshqarish uchun yashil yechimlar');
    expect(page.body).toContain('Sanoat oqova suvlari');
    expect(page.body).not.toContain('Qattiq maishiy chiqindilarni boshqarish');
    const list = await admin.request({ method: 'GET', url: '/api/v1/courses?q=rainwater&pageSize=100' });
    const pilots = list.json<{ items: Array<{ title: Record<string, string>; associationId: string }> }>().items;
    expect(new Set(pilots.map((c) => c.associationId)).size).toBe(2);
    for (const course of pilots) expect(Object.keys(course.title).sort()).toEqual([...LOCALES].sort());
    const course = await ctx.app.inject({ method: 'GET', url: '/catalogue/kwsa-kz/industrial-wastewater', headers: { accept: 'text/html', 'accept-language': 'kk' } });
    expect(course.statusCode).toBe(200);
    expect(course.body).toContain('Өнеркәсіптік ағынды сулар');
    expect(course.body).toContain('Сынама алу нәтижелері бойынша өнеркәсіптік ағынды сипаттау');
  });

  it('runs under the EU project, whose acknowledgement exists in all five languages, with its partners', async () => {
    const projects = await admin.request({ method: 'GET', url: '/api/v1/projects' });
    const [project] = projects.json<{ items: Array<{ id: string; donor: string; partners: Array<{ name: string; role: string }> }> }>().items;
    expect(project).toMatchObject({ donor: 'European Union' });
    expect(project!.partners.map((p) => p.role)).toContain('coordinator');
    expect(project!.partners.length).toBeGreaterThanOrEqual(5);
    for (const locale of LOCALES) {
      const ack = await getProjectAcknowledgement(ctx.database.db, project!.id, locale);
      expect(ack?.lang).toBe(locale);
    }
    expect((await getProjectAcknowledgement(ctx.database.db, project!.id, 'uz'))?.text).toContain('Yevropa Ittifoqining moliyaviy koʻmagi');
  });
});
