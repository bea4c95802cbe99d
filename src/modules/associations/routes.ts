import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/services.js';
import { listAssociations } from './repository.js';

export const Association = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  country: Type.String(),
  defaultLocale: Type.String(),
  timeZone: Type.String(),
});

export async function associationsRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/associations',
    {
      config: { access: 'public' },
      schema: {
        tags: ['associations'],
        summary: 'The associations on this platform (public facts only)',
        response: { 200: Type.Object({ items: Type.Array(Association) }) },
      },
    },
    async () => ({ items: await listAssociations(services.db) }),
  );
}
