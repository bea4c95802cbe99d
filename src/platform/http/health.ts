import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';

const Health = Type.Object({ status: Type.String(), backend: Type.Optional(Type.String()) });

/** Liveness (the process answers) and readiness (the database answers). */
export async function healthRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: Health } } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      try {
        await opts.database.ping();
        return { status: 'ready', backend: opts.database.kind };
      } catch {
        return reply.code(503).send({ status: 'unavailable', backend: opts.database.kind });
      }
    },
  );
}
