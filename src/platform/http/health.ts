import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';

const Health = Type.Object({ status: Type.String(), backend: Type.Optional(Type.String()) });

export interface HealthOptions {
  database: Database;
  /** A database that takes longer than this to answer counts as unavailable. */
  readyTimeoutMs?: number;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Liveness (the process answers: restart it if not) and readiness (the database answers too:
 * send it traffic only then).
 */
export async function healthRoutes(app: FastifyInstance, opts: HealthOptions): Promise<void> {
  const timeout = opts.readyTimeoutMs ?? 2_000;
  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: Health } } },
    () => Promise.resolve({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      try {
        await within(opts.database.ping(), timeout);
        return { status: 'ready', backend: opts.database.kind };
      } catch {
        return reply.code(503).send({ status: 'unavailable', backend: opts.database.kind });
      }
    },
  );
}
