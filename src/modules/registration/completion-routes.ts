import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Services } from '../../platform/services.js';
import { jobView } from '../../platform/jobs/get-job.js';
import { startJob } from '../../platform/jobs/runner.js';
import { Job } from '../../platform/jobs/schemas.js';
import { CompletionList, Completion, History, JobParams, OverrideBody, RegistrationParams, RemoveOverrideQuery, SessionParams } from './attendance-schemas.js';
import { sessionHeading } from './attendance-views.js';
import { getCompletionHistory } from './completion-history.js';
import { listCompletions } from './completion-list.js';
import { removeCompletionOverride } from './completion-override-remove.js';
import { overrideCompletion } from './completion-override.js';
import { getParticipationArchive, participationArchiveHandlers, startParticipationArchive } from './participation-archive.js';
import { staffCertificate } from './participation-download.js';

const tags = ['completions'];

/** Completion records of a session: computed from the rule, overridden by staff with a reason, and their certificates. */
export async function completionRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;
  const deps = { messages: services.messages, publicUrl: services.config.publicUrl };

  const list = async (request: FastifyRequest, sessionId: string) => {
    const result = await listCompletions(db, deps, { actor: request.auth, sessionId, now: new Date() });
    return { ...result, session: sessionHeading(result.session, request.locale) };
  };

  app.get(
    '/api/v1/sessions/:id/completions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The completion of each confirmed registrant, computed afresh from attendance and test results, with overrides in force',
        params: SessionParams,
        response: { 200: CompletionList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => list(request, request.params.id),
  );

  app.post(
    '/api/v1/sessions/:id/completions/compute',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Compute the session’s completions now (the list does it too); completion mails go out once the last day has begun',
        params: SessionParams,
        response: { 200: CompletionList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => list(request, request.params.id),
  );

  app.put(
    '/api/v1/sessions/:id/completions/:registrationId/override',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Decide a registrant’s completion against the rule, with a reason; it stays until removed (staff)',
        params: RegistrationParams,
        body: OverrideBody,
        response: { 200: Completion, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const body = request.body;
      return overrideCompletion(db, deps, { actor: request.auth, sessionId: request.params.id, registrationId: request.params.registrationId, ...body, now: new Date() });
    },
  );

  app.delete(
    '/api/v1/sessions/:id/completions/:registrationId/override',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Remove an override: the rule decides again (staff)',
        params: RegistrationParams,
        querystring: RemoveOverrideQuery,
        response: { 200: Completion, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const reason = request.query.reason ?? null;
      return removeCompletionOverride(db, deps, { actor: request.auth, sessionId: request.params.id, registrationId: request.params.registrationId, reason, now: new Date() });
    },
  );

  app.get(
    '/api/v1/sessions/:id/completions/:registrationId/history',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Every change of a registrant’s completion, newest first, with who made it and when',
        params: RegistrationParams,
        response: { 200: History, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await getCompletionHistory(db, { actor: request.auth, sessionId: request.params.id, registrationId: request.params.registrationId }) }),
  );

  app.get(
    '/api/v1/sessions/:id/completions/:registrationId/certificate.pdf',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The certificate of participation of a registrant who completed (PDF)',
        params: RegistrationParams,
        produces: ['application/pdf'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await staffCertificate(db, deps, { actor: request.auth, sessionId: request.params.id, registrationId: request.params.registrationId });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.pdf));
    },
  );

  const archiveHandlers = participationArchiveHandlers(deps);
  app.post(
    '/api/v1/sessions/:id/certificate-archives',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Archive the certificates of participation of everyone who completed the session, as a ZIP of PDFs, in a job; poll GET /api/v1/jobs/{id}, then download it',
        params: SessionParams,
        response: { 202: Job, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const job = await startParticipationArchive(db, { actor: request.auth, sessionId: request.params.id });
      if (services.config.workers) void startJob(db, job.id, archiveHandlers, request.log);
      return reply.code(202).send(jobView(job));
    },
  );

  app.get(
    '/api/v1/sessions/:id/certificate-archives/:jobId',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The ZIP of certificates of participation made by an archive job, once it is done (staff)',
        params: JobParams,
        produces: ['application/zip'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/zip' }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await getParticipationArchive(db, { actor: request.auth, sessionId: request.params.id, jobId: request.params.jobId });
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
}
