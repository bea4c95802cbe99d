import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedInAgent, type Agent, type TestContext } from '../../test/app.js';
import { seedDemo } from './seed-demo.js';

let ctx: TestContext;
let admin: Agent;

interface Report {
  confirmed: number;
  byFee: { invoice: number; sponsored: number; free: number };
  awaitingInvoice: number;
  currencies: Array<{ currency: string; invoiced: { count: number }; paid: { count: number }; outstanding: { count: number }; sponsored: { count: number } }>;
}

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.database.db);
  admin = await signedInAgent(ctx, { platformAdmin: true });
});
afterAll(async () => ctx.close());

describe('demo payments', () => {
  it('invoice the paying seats of the training weeks, beside sponsored ones; past sessions are paid but for one invoice each', async () => {
    const list = await admin.request({ method: 'GET', url: '/api/v1/sessions?pageSize=100' });
    const sessions = list.json<{ items: Array<{ id: string; days: Array<{ endsAt: string }>; price: unknown }> }>().items;
    let priced = 0;
    for (const session of sessions.filter((s) => s.price !== null)) {
      priced += 1;
      const report = (await admin.request({ method: 'GET', url: `/api/v1/sessions/${session.id}/payments` })).json<Report>();
      expect(report.awaitingInvoice).toBe(0);
      const [money] = report.currencies;
      expect(money!.invoiced.count).toBe(report.byFee.invoice);
      expect(money!.sponsored.count).toBe(report.byFee.sponsored);
      expect(report.byFee.sponsored).toBeGreaterThan(0);
      expect(report.byFee.invoice).toBeGreaterThan(0);
      const over = Date.parse(session.days[session.days.length - 1]!.endsAt) < Date.now();
      if (over) expect(money!.outstanding.count).toBe(1);
      else expect(money!.paid.count).toBe(Math.ceil(money!.invoiced.count / 2));
    }
    expect(priced).toBeGreaterThanOrEqual(2);
  });
});
