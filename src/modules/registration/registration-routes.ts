import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasRole, STAFF_ROLES } from '../../platform/auth/access.js';
import { fieldError } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Translator } from '../../platform/i18n/catalogue.js';
import type { Services } from '../../platform/services.js';
import { ImportVocabulary } from '../people/import-columns.js';
import { cancelRegistration } from './cancel-registration.js';
import { commitRegistrationImport } from './commit-registration-import.js';
import { listRegistrations } from './list-registrations.js';
import { previewRegistrationImport, type RegistrationImportPreview } from './preview-registration-import.js';
import { registerForSession, type RegistrationOutcome } from './register-for-session.js';
import { PUBLIC_REGISTRATION_RATE_LIMIT, registrationPageRoutes } from './registration-page-routes.js';
import {
  CancelBody,
  CancellationResult,
  IdempotencyHeaders,
  ImportCommitBody,
  ImportPreview,
  ImportResult,
  JobParams,
  RegistrationBody,
  RegistrationListQuery,
  RegistrationPage,
  RegistrationResult,
  SessionIdParams,
  type ImportCommitBodyType,
  type RegistrationBodyType,
  type RegistrationListQueryType,
} from './registration-schemas.js';

const tags = ['registrations'];
const errors = errorResponses(400, 401, 403, 404);

/** Staff of some association call on behalf of many people; anyone else is one person registering. */
function isStaffCaller(request: FastifyRequest): boolean {
  const auth = request.auth;
  return auth !== null && (auth.user.isPlatformAdmin || auth.memberships.some((m) => STAFF_ROLES.includes(m.role)));
}

function resultView(outcome: RegistrationOutcome, staff: boolean) {
  const r = outcome.registration;
  return {
    id: r.id,
    sessionId: r.sessionId,
    status: r.status,
    position: outcome.position,
    feeMode: r.feeMode,
    alreadyRegistered: outcome.alreadyRegistered,
    ticketCode: outcome.secret || staff ? r.ticketCode : null,
    ticketUrl: outcome.links?.ticketUrl ?? null,
    cancelUrl: outcome.links?.cancelUrl ?? null,
  };
}

function previewView(preview: RegistrationImportPreview, tr: Translator) {
  return {
    ...preview,
    status: 'preview' as const,
    rows: preview.rows.map((r) => ({ row: r.row, errors: r.problems.map((p) => ({ column: p.column, message: tr.t(p.key, p.values) })) })),
  };
}

async function readFile(request: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'file') {
        const content = await part.toBuffer();
        if (content.length > 0) return { fileName: part.filename || 'upload', content };
      }
    }
  }
  throw fieldError('file', 'required');
}

/** Registering for sessions (JSON), the waitlist, cancellation and participant lists; then the public pages. */
export async function registrationRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, messages, config } = services;
  const registration = { messages, publicUrl: config.publicUrl };
  const vocabulary = new ImportVocabulary(messages);

  app.post(
    '/api/v1/sessions/:id/registrations',
    {
      config: {
        access: 'public',
        changesKeptRows: false,
        rateLimit: { ...PUBLIC_REGISTRATION_RATE_LIMIT, allowList: (request: FastifyRequest) => isStaffCaller(request) },
      },
      schema: {
        tags,
        summary: 'Register for a session: a visitor with their details (no account), or staff with personId. Full sessions put people on the waitlist.',
        params: SessionIdParams,
        headers: IdempotencyHeaders,
        body: RegistrationBody,
        response: { 201: RegistrationResult, 200: RegistrationResult, ...errors, ...errorResponses(409, 429) },
      },
    },
    async (request, reply) => {
      const body = request.body as RegistrationBodyType;
      const { personId, feeMode, sponsorProjectId, locale, ...details } = body;
      const outcome = await registerForSession(db, registration, {
        actor: request.auth,
        sessionId: request.params.id,
        source: personId ? 'staff' : 'public',
        locale: locale ?? request.locale,
        idempotencyKey: request.headers['idempotency-key'] ?? null,
        ...(personId ? { personId, feeMode, sponsorProjectId } : { details: { ...details, fullName: details.fullName ?? '', email: details.email ?? '' } }),
      });
      const staff = personId !== undefined || hasRole(request.auth, outcome.session.associationId, STAFF_ROLES);
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(outcome.alreadyRegistered ? 200 : 201).send(resultView(outcome, staff));
    },
  );

  app.get(
    '/api/v1/sessions/:id/registrations',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The session’s registrations: confirmed, the waitlist in order, then cancelled',
        params: SessionIdParams,
        querystring: RegistrationListQuery,
        response: { 200: RegistrationPage, ...errors },
      },
    },
    async (request) => listRegistrations(db, { actor: request.auth, sessionId: request.params.id, ...(request.query as RegistrationListQueryType) }),
  );

  app.post(
    '/api/v1/registrations/:id/cancel',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Cancel a registration (kept, never deleted); the freed seat goes to the first on the waitlist, who is mailed',
        params: SessionIdParams,
        body: CancelBody,
        response: { 200: CancellationResult, ...errors },
      },
    },
    async (request) => {
      const outcome = await cancelRegistration(db, registration, { by: 'staff', actor: request.auth, registrationId: request.params.id, reason: (request.body.reason as string | null | undefined) ?? null });
      return { id: outcome.registration.id, status: outcome.registration.status, cancelled: outcome.cancelled, promoted: outcome.promoted };
    },
  );

  app.post(
    '/api/v1/sessions/:id/registrations/imports',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Upload a participant list (CSV or XLSX; multipart field `file`); nothing is written yet',
        params: SessionIdParams,
        consumes: ['multipart/form-data'],
        response: { 201: ImportPreview, ...errors, ...errorResponses(409, 413, 415) },
      },
    },
    async (request, reply) => {
      const upload = await readFile(request);
      const preview = await previewRegistrationImport(db, { actor: request.auth, sessionId: request.params.id, vocabulary, ...upload });
      return reply.code(201).send(previewView(preview, request.tr));
    },
  );

  app.post(
    '/api/v1/sessions/:id/registrations/imports/:jobId/commit',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Register the previewed rows: seats while they last, then the waitlist; each registrant is mailed a ticket',
        params: JobParams,
        body: ImportCommitBody,
        response: { 200: ImportResult, ...errors, ...errorResponses(409) },
      },
    },
    async (request) => {
      const body = request.body as ImportCommitBodyType;
      return commitRegistrationImport(db, registration, {
        actor: request.auth,
        sessionId: request.params.id,
        jobId: request.params.jobId,
        mode: body.mode,
        ...(body.feeMode ? { feeMode: body.feeMode } : {}),
        ...(body.sponsorProjectId !== undefined ? { sponsorProjectId: body.sponsorProjectId } : {}),
      });
    },
  );

  await app.register(registrationPageRoutes, services);
}
