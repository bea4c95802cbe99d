import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/services.js';
import { pageContext, sendPage } from '../../web/server/render.js';
import { normaliseVerificationCode } from './completion-code.js';
import { verificationPath } from './completion-mail.js';
import { UnknownCertificatePage, VerifyFormPage, VerifyParticipationPage } from './pages/verify-participation-page.js';
import { participantCertificate } from './participation-download.js';
import { verifyParticipation } from './participation-verify.js';

const page = { access: 'public', html: true } as const;
/** Enough for anyone checking certificates by hand; too few to walk through codes. */
export const PUBLIC_CERTIFICATE_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

/** The participant's certificate download and the public verification pages: no script, no account. */
export async function participationPageRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, messages, config } = services;
  const deps = { messages, publicUrl: config.publicUrl };

  app.get(
    '/tickets/:code/certificate.pdf',
    {
      config: { ...page, rateLimit: PUBLIC_CERTIFICATE_RATE_LIMIT },
      schema: {
        hide: true,
        params: Type.Object({ code: Type.String({ minLength: 8, maxLength: 20 }) }),
        querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) }),
      },
    },
    async (request, reply) => {
      // The secret travels in the address; keep it out of any Referer.
      reply.header('referrer-policy', 'no-referrer');
      const file = await participantCertificate(db, deps, { ticketCode: request.params.code, secret: request.query.token ?? '' });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.pdf));
    },
  );

  app.get(
    '/verify/participation',
    {
      config: { ...page, rateLimit: PUBLIC_CERTIFICATE_RATE_LIMIT },
      schema: { hide: true, querystring: Type.Object({ code: Type.Optional(Type.String({ maxLength: 40 })) }) },
    },
    async (request, reply) => {
      const typed = request.query.code?.trim();
      if (typed) return reply.redirect(verificationPath(encodeURIComponent(normaliseVerificationCode(typed) ?? typed)), 303);
      const ctx = pageContext(request, reply);
      return sendPage(reply, ctx, { title: ctx.tr.t('registration.participation.verify.title'), body: <VerifyFormPage ctx={ctx} /> });
    },
  );

  app.get(
    '/verify/participation/:code',
    {
      config: { ...page, rateLimit: PUBLIC_CERTIFICATE_RATE_LIMIT },
      schema: { hide: true, params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }) },
    },
    async (request, reply) => {
      // The page names a person: it is for whoever holds the code, not for search engines.
      reply.header('x-robots-tag', 'noindex');
      const ctx = pageContext(request, reply);
      const result = await verifyParticipation(db, request.params.code, ctx.locale);
      const title = ctx.tr.t('registration.participation.verify.title');
      if (!result) return sendPage(reply, ctx, { status: 404, title, body: <UnknownCertificatePage ctx={ctx} code={request.params.code} /> });
      return sendPage(reply, ctx, { title, body: <VerifyParticipationPage ctx={ctx} result={result} /> });
    },
  );
}
