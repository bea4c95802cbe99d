import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedInAgent, type Agent, type TestContext } from '../../test/app.js';
import { textOf } from '../../test/form-browser.js';
import { invoices } from '../modules/registration/tables.js';
import { outbox } from '../platform/mail/tables.js';
import { seedDemo } from './seed-demo.js';

let ctx: TestContext;
let admin: Agent;

interface SessionJson {
  id: string;
  status: string;
  capacity: number;
  city: string;
  days: Array<{ endsAt: string }>;
  counts: { confirmed: number; waitlisted: number; cancelled: number };
  publicPath: string;
  course: { slug: string };
  price: { amount: number; currency: string } | null;
  trainers: Array<{ fullName: string }>;
}

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.database.db);
  admin = await signedInAgent(ctx, { platformAdmin: true });
});
afterAll(async () => ctx.close());

async function allSessions(): Promise<SessionJson[]> {
  const list = await admin.request({ method: 'GET', url: '/api/v1/sessions?pageSize=100' });
  const ids = list.json<{ items: Array<{ id: string }> }>().items.map((s) => s.id);
  return Promise.all(ids.map(async (id) => (await admin.request({ method: 'GET', url: `/api/v1/sessions/${id}` })).json<SessionJson>()));
}

describe('demo training weeks', () => {
  it('holds ENGINE WEEK in Tashkent and Shymkent (past) and Nur-Sultan (upcoming), each with both pilot courses', async () => {
    const events = await admin.request({ method: 'GET', url: '/api/v1/events?pageSize=100' });
    const titles = events.json<{ items: Array<{ title: { en: string }; status: string }> }>().items.map((e) => e.title.en).sort();
    expect(titles).toEqual(['ENGINE WEEK Nur-Sultan', 'ENGINE WEEK Shymkent', 'ENGINE WEEK Tashkent']);
    const sessions = await allSessions();
    expect(sessions).toHaveLength(6);
    const now = Date.now();
    const past = sessions.filter((s) => Date.parse(s.days[s.days.length - 1]!.endsAt) < now);
    expect(past).toHaveLength(4);
    for (const s of sessions) {
      const registered = s.counts.confirmed + s.counts.waitlisted;
      expect(registered, s.publicPath).toBeGreaterThanOrEqual(20);
      expect(registered, s.publicPath).toBeLessThanOrEqual(80);
      expect(s.counts.confirmed).toBeLessThanOrEqual(s.capacity);
      expect(s.trainers.length).toBeGreaterThanOrEqual(2);
    }
    for (const s of past) expect(s.counts.waitlisted).toBe(0);
    expect(new Set(sessions.map((s) => s.course.slug)).size).toBe(2);
    // European and local trainers.
    expect(sessions.flatMap((s) => s.trainers.map((t) => t.fullName))).toEqual(expect.arrayContaining(['Katrin Vogel', 'Jānis Ozoliņš', 'Тошпулатова Гулнора', 'Омарова Гульнар']));
  });

  it('has paying and sponsored participants, invoices for the paying ones, and queued no mail', async () => {
    const sessions = await allSessions();
    const fees = new Map<string, number>();
    let invoiced = 0;
    for (const s of sessions) {
      const list = await admin.request({ method: 'GET', url: `/api/v1/sessions/${s.id}/registrations?pageSize=500` });
      for (const r of list.json<{ items: Array<{ feeMode: string; status: string }> }>().items) {
        fees.set(r.feeMode, (fees.get(r.feeMode) ?? 0) + 1);
        if (r.feeMode === 'invoice' && r.status === 'confirmed') invoiced += 1;
      }
    }
    expect(await ctx.database.db.select().from(invoices)).toHaveLength(invoiced);
    expect(fees.get('sponsored')).toBeGreaterThan(fees.get('invoice')!);
    expect(fees.get('invoice')).toBeGreaterThan(5);
    expect(fees.get('free')).toBeGreaterThan(20);
    expect(await ctx.database.db.select().from(outbox).where(like(outbox.template, 'registration.%'))).toHaveLength(0);
  });

  it('opens registration for the upcoming week on the public pages, with a waiting list for the full session', async () => {
    const sessions = await allSessions();
    const upcoming = sessions.filter((s) => Date.parse(s.days[0]!.endsAt) > Date.now());
    expect(upcoming).toHaveLength(2);
    const open = upcoming.find((s) => s.counts.confirmed < s.capacity)!;
    const full = upcoming.find((s) => s.counts.waitlisted > 0)!;
    const page = await ctx.app.inject({ method: 'GET', url: open.publicPath, headers: { accept: 'text/html', 'accept-language': 'kk' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="idempotencyKey"');
    expect(textOf(page.body)).toContain('ENGINE');
    const fullPage = await ctx.app.inject({ method: 'GET', url: full.publicPath, headers: { accept: 'text/html', 'accept-language': 'ru' } });
    expect(textOf(fullPage.body)).toContain('Мест нет — запишитесь в лист ожидания');
    const events = await ctx.app.inject({ method: 'GET', url: '/events', headers: { accept: 'text/html', 'accept-language': 'en' } });
    expect(textOf(events.body)).toContain('ENGINE WEEK Nur-Sultan');
    expect(textOf(events.body)).not.toContain('ENGINE WEEK Tashkent');
  });
});
