import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fieldError } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Translator } from '../../platform/i18n/catalogue.js';
import { jobView } from '../../platform/jobs/get-job.js';
import { startJob } from '../../platform/jobs/runner.js';
import { Job } from '../../platform/jobs/schemas.js';
import type { Services } from '../../platform/services.js';
import { getAttendanceList } from './attendance-list.js';
import { recordAttendance } from './attendance-record.js';
import {
  AttendanceImportPreview,
  AttendanceList,
  CheckIn,
  CheckInBody,
  ImportCommitBody,
  JobParams,
  Mark,
  MarkBody,
  SessionParams,
  TestResult,
  TestResultBody,
  type ImportCommitBodyType,
  type TestResultBodyType,
} from './attendance-schemas.js';
import { SheetVocabulary } from './attendance-sheet-columns.js';
import { commitAttendanceImport } from './attendance-sheet-commit.js';
import { attendanceJobHandlers } from './attendance-sheet-job.js';
import { previewAttendanceImport, type AttendanceImportPreview as Preview } from './attendance-sheet-preview.js';
import { sessionHeading } from './attendance-views.js';
import { checkInRegistrant } from './check-in-registrant.js';
import { recordTestResult } from './test-result-record.js';

const tags = ['attendance'];

/** The sheet of a multipart upload (field `file`). */
async function readSheetUpload(request: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const content = await part.toBuffer();
      if (part.fieldname === 'file' && content.length > 0) return { fileName: part.filename || 'sheet', content };
    }
  }
  throw fieldError('file', 'required');
}

function localisePreview(preview: Preview, tr: Translator) {
  return {
    ...preview,
    status: 'preview' as const,
    rows: preview.rows.map((r) => ({ row: r.row, errors: r.problems.map((p) => ({ column: p.column, message: tr.t(p.key, p.values) })) })),
  };
}

/** Check-in, the per-day tick list, test results and signed-sheet imports of a session. */
export async function attendanceRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;
  const deps = { messages: services.messages, publicUrl: services.config.publicUrl };
  const vocabulary = new SheetVocabulary(services.messages);
  const handlers = attendanceJobHandlers(deps);

  app.post(
    '/api/v1/sessions/:id/check-in',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Check a registrant in by ticket code (typed or scanned) for today’s session day or a chosen one; repeating it changes nothing',
        params: SessionParams,
        body: CheckInBody,
        response: { 200: CheckIn, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const body = request.body;
      return checkInRegistrant(db, deps, { actor: request.auth, sessionId: request.params.id, code: body.code, ...(body.dayId ? { dayId: body.dayId } : {}), now: new Date() });
    },
  );

  app.get(
    '/api/v1/sessions/:id/attendance',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The tick list: confirmed registrants by session days, with the marks recorded',
        params: SessionParams,
        response: { 200: AttendanceList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const list = await getAttendanceList(db, { actor: request.auth, sessionId: request.params.id, now: new Date() });
      return { ...list, session: sessionHeading(list.session, request.locale) };
    },
  );

  app.put(
    '/api/v1/sessions/:id/attendance',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Tick (or untick) one registrant for one day; the completion follows',
        params: SessionParams,
        body: MarkBody,
        response: { 200: Mark, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const body = request.body;
      return recordAttendance(db, deps, { actor: request.auth, sessionId: request.params.id, ...body, now: new Date() });
    },
  );

  app.put(
    '/api/v1/sessions/:id/test-results',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Enter, correct or (with null) remove a registrant’s final test result',
        params: SessionParams,
        body: TestResultBody,
        response: { 200: TestResult, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const body = request.body as TestResultBodyType;
      return recordTestResult(db, deps, { actor: request.auth, sessionId: request.params.id, registrationId: body.registrationId, score: body.score, now: new Date() });
    },
  );

  app.post(
    '/api/v1/sessions/:id/attendance/imports',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Upload a signed attendance sheet (CSV or XLSX, multipart field `file`): rows by ticket code, e-mail or name, one column per day; nothing is written yet',
        consumes: ['multipart/form-data'],
        params: SessionParams,
        response: { 201: AttendanceImportPreview, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const upload = await readSheetUpload(request);
      const preview = await previewAttendanceImport(db, { actor: request.auth, sessionId: request.params.id, vocabulary, ...upload });
      return reply.code(201).send(localisePreview(preview, request.tr));
    },
  );

  app.post(
    '/api/v1/sessions/:id/attendance/imports/:jobId/commit',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Write a previewed sheet; poll GET /api/v1/jobs/{id} for progress',
        params: JobParams,
        body: ImportCommitBody,
        response: { 202: Job, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { mode } = request.body as ImportCommitBodyType;
      const job = await commitAttendanceImport(db, { actor: request.auth, sessionId: request.params.id, jobId: request.params.jobId, mode });
      if (services.config.workers) void startJob(db, job.id, handlers, request.log);
      return reply.code(202).send(jobView(job));
    },
  );
}
