import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses, Uuid } from '../../platform/http/schema-types.js';
import type { Services } from '../../platform/services.js';
import { EXPORT_KINDS, exportSession } from './export-session.js';

const ExportParams = Type.Object({
  id: Uuid(),
  kind: Type.Union(
    EXPORT_KINDS.map((kind) => Type.Literal(kind)),
    { description: 'participants, attendance or payments' },
  ),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { description: 'csv (UTF-8 with a byte-order mark, for Excel) or xlsx' }),
});

/** Staff exports of a session: spreadsheets with headers in the requester's language. */
export async function exportRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;

  app.get(
    '/api/v1/sessions/:id/exports/:kind.:format',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['exports'],
        summary: 'A session’s participant list, attendance (a column per day) or payments as CSV or XLSX, with counts by gender, sector and country at the bottom',
        params: ExportParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportSession(db, { actor: request.auth, sessionId: request.params.id, kind: request.params.kind, format: request.params.format, tr: request.tr });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
