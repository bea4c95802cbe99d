import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/services.js';

export async function peopleRoutes(_app: FastifyInstance, _services: Services): Promise<void> {
  // People and organisations routes are registered here.
}
