import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../platform/http/schema-types.js';
import { readOutbox, readOutboxMail } from '../../platform/mail/read-outbox.js';
import type { Services } from '../../platform/services.js';
import { pageContext, sendPage } from '../../web/server/render.js';
import { OutboxListPage, OutboxMailPage } from './pages/outbox.js';
import { IdParams, OutboxList, OutboxMailBody, OutboxQuery } from './schemas.js';

const tags = ['mail'];
const errors = errorResponses(400, 401, 403, 404);

/**
 * The outbox, for administrators: what was sent, what waits, what failed. Without SMTP this is
 * where mail is read (a demo follows its reset links from here).
 */
export async function outboxRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = services;

  app.get(
    '/api/v1/outbox',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Queued, sent and failed mail, newest first (association administrators see their associations’ mail)',
        querystring: OutboxQuery,
        response: { 200: OutboxList, ...errors },
      },
    },
    async (request) => readOutbox(db, request.auth, request.query),
  );

  app.get(
    '/api/v1/outbox/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'One mail with its full text', params: IdParams, response: { 200: OutboxMailBody, ...errors } },
    },
    async (request) => readOutboxMail(db, request.auth, request.params.id),
  );

  app.get(
    '/admin/outbox',
    {
      config: { access: 'signed_in', html: true },
      schema: { hide: true, querystring: Type.Object({ page: Type.Integer({ minimum: 1, default: 1 }) }) },
    },
    async (request, reply) => {
      const page = await readOutbox(db, request.auth, { page: request.query.page });
      const ctx = pageContext(request, reply, { csrf: true });
      return sendPage(reply, ctx, {
        title: ctx.tr.t('accounts.outbox.title'),
        body: <OutboxListPage ctx={ctx} page={page} delivering={config.smtpUrl !== null && config.workers} />,
      });
    },
  );

  app.get(
    '/admin/outbox/:id',
    { config: { access: 'signed_in', html: true }, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const mail = await readOutboxMail(db, request.auth, request.params.id);
      const ctx = pageContext(request, reply, { csrf: true });
      return sendPage(reply, ctx, { title: mail.subject, body: <OutboxMailPage ctx={ctx} mail={mail} /> });
    },
  );
}
