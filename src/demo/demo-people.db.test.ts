import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedInAgent, type Agent, type TestContext } from '../../test/app.js';
import { listAssociations } from '../modules/associations/repository.js';
import { seedDemo } from './seed-demo.js';

let ctx: TestContext;
let admin: Agent;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.database.db);
  admin = await signedInAgent(ctx, { platformAdmin: true });
});
afterAll(async () => ctx.close());

interface Summary {
  associationId: string;
  fullName: string;
  nameLatin: string | null;
  gender: string;
  employerName: string | null;
}

describe('demo people', () => {
  it('gives each association people in their own scripts, about 40% women, many with an employer', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/people?pageSize=100' });
    const { items, total } = res.json<{ items: Summary[]; total: number }>();
    expect(total).toBeGreaterThanOrEqual(45);
    const women = items.filter((p) => p.gender === 'female').length / items.length;
    expect(women).toBeGreaterThan(0.35);
    expect(women).toBeLessThan(0.5);
    expect(items.filter((p) => p.employerName !== null).length).toBeGreaterThan(total / 2);
    for (const association of await listAssociations(ctx.database.db)) {
      const own = items.filter((p) => p.associationId === association.id);
      expect(own.length, association.slug).toBeGreaterThanOrEqual(10);
    }
    expect(items.some((p) => /\p{Script=Cyrillic}/u.test(p.fullName) && p.nameLatin)).toBe(true);
  });

  it('finds the demo names across scripts, and the utilities by name', async () => {
    const find = async (url: string) => (await admin.request({ method: 'GET', url })).json<{ items: Array<{ fullName?: string; name?: string }> }>().items;
    expect((await find('/api/v1/people?q=Kasymov')).map((p) => p.fullName)).toContain('Қасымов Ерлан Серікұлы');
    expect((await find(`/api/v1/people?q=${encodeURIComponent('Берзиньш')}`)).map((p) => p.fullName)).toContain('Jānis Bērziņš');
    expect((await find(`/api/v1/people?q=${encodeURIComponent('Холматова')}`)).map((p) => p.fullName)).toContain('Xolmatova Nilufar');
    expect((await find('/api/v1/organisations?q=vodokanal')).map((o) => o.name)).toContain('Шымкентский водоканал');
    expect((await find('/api/v1/organisations?q=suv%20taminoti')).map((o) => o.name)).toContain('Toshkent shahar suv taʼminoti');
  });
});
