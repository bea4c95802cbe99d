import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedInAgent, type Agent, type TestContext } from '../../test/app.js';
import { queueDueCompletionMails } from '../modules/registration/completion-mail-pass.js';
import { Messages } from '../platform/i18n/catalogue.js';
import { outbox } from '../platform/mail/tables.js';
import { seedDemo } from './seed-demo.js';

let ctx: TestContext;
let admin: Agent;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.database.db);
  admin = await signedInAgent(ctx, { platformAdmin: true });
});
afterAll(async () => ctx.close());

interface Attendance {
  session: { days: Array<{ id: string; endsAt: string }> };
  rows: Array<{ marks: Record<string, boolean> }>;
}

describe('demo attendance', () => {
  it('past ENGINE WEEK sessions were fully attended and everyone confirmed completed; upcoming ones have no marks yet', async () => {
    const list = await admin.request({ method: 'GET', url: '/api/v1/sessions?pageSize=100' });
    const ids = list.json<{ items: Array<{ id: string }> }>().items.map((s) => s.id);
    let past = 0;
    for (const id of ids) {
      const attendance = (await admin.request({ method: 'GET', url: `/api/v1/sessions/${id}/attendance` })).json<Attendance>();
      const { days } = attendance.session;
      const over = Date.parse(days[days.length - 1]!.endsAt) < Date.now();
      if (!over) {
        expect(attendance.rows.every((r) => Object.keys(r.marks).length === 0)).toBe(true);
        continue;
      }
      past += 1;
      expect(attendance.rows.length).toBeGreaterThanOrEqual(20);
      for (const row of attendance.rows) expect(Object.values(row.marks)).toEqual(days.map(() => true));
      const completions = (await admin.request({ method: 'GET', url: `/api/v1/sessions/${id}/completions` })).json<{ items: Array<{ completed: boolean; verificationCode: string }> }>();
      expect(completions.items.length).toBe(attendance.rows.length);
      expect(completions.items.every((c) => c.completed)).toBe(true);
      const verify = await ctx.app.inject({ method: 'GET', url: `/verify/participation/${completions.items[0]!.verificationCode}?lang=en` });
      expect(verify.statusCode).toBe(200);
      expect(verify.body).toContain('Valid');
    }
    expect(past).toBe(4);
  });

  it('leaves the background pass no completion mail to catch up on: the demo mails no one', async () => {
    const deps = { messages: new Messages(), publicUrl: 'https://usta.example' };
    expect(await queueDueCompletionMails(ctx.database.db, deps, new Date())).toEqual({ sessions: 0 });
    expect(await ctx.database.db.select().from(outbox).where(eq(outbox.template, 'registration.completion.mail'))).toHaveLength(0);
  });
});
