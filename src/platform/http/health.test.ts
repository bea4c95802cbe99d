import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { healthRoutes } from './health.js';

function fakeDatabase(ping: () => Promise<void>): Database {
  return { kind: 'postgres', db: {} as Database['db'], migrate: async () => undefined, ping, close: async () => undefined, listen: async () => async () => undefined };
}

async function appWith(database: Database) {
  const app = Fastify();
  await app.register(healthRoutes, { database, readyTimeoutMs: 50 });
  return app;
}

describe('health routes', () => {
  it('/readyz answers 503 while the database does not answer, and /healthz still 200', async () => {
    const app = await appWith(fakeDatabase(() => Promise.reject(new Error('connection refused'))));
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', backend: 'postgres' });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  });

  it('/readyz answers 503 when the database hangs', async () => {
    const app = await appWith(fakeDatabase(() => new Promise<void>(() => undefined)));
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    await app.close();
  });

  it('/readyz answers 200 once the database answers', async () => {
    let pings = 0;
    const app = await appWith(fakeDatabase(async () => void (pings += 1)));
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', backend: 'postgres' });
    expect(pings).toBe(1);
    await app.close();
  });
});
