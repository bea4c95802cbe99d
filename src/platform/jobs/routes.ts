import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses, Uuid } from '../http/schema-types.js';
import type { Services } from '../services.js';
import { getJob } from './get-job.js';
import { Job } from './schemas.js';

export async function jobsRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/jobs/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['jobs'],
        summary: 'A job’s status and progress (staff of its association)',
        params: Type.Object({ id: Uuid() }),
        response: { 200: Job, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => getJob(services.db, { actor: request.auth, id: request.params.id }),
  );
}
