import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { errorResponses } from '../../platform/http/schema-types.js';
import { jobView } from '../../platform/jobs/get-job.js';
import { startJob, type JobHandlers } from '../../platform/jobs/runner.js';
import { Job } from '../../platform/jobs/schemas.js';
import { getBulkArchive, startBulkArchive } from './bulk-certificate-archive.js';
import { startBulkIssue } from './bulk-issue-certificates.js';
import type { CertificateCredentials } from './certificate-credential.js';
import { createScheme } from './create-scheme.js';
import type { ExamResultRow } from './exam-results-repository.js';
import { getScheme } from './get-scheme.js';
import { listExamResults } from './list-exam-results.js';
import { listSchemes } from './list-schemes.js';
import { recordExamResult } from './record-exam-result.js';
import type { SchemeInput as SchemeFields } from './scheme-fields.js';
import {
  ExamResult,
  ExamResultInput,
  ExamResultQuery,
  IdParams,
  Scheme,
  SchemeInput,
  SchemePatch,
  SchemeQuery,
  type SchemeInputBody,
  type SchemePatchBody,
  type SchemeQueryType,
} from './scheme-schemas.js';
import type { SchemeView } from './scheme-view.js';
import { updateScheme } from './update-scheme.js';

const tags = ['certification'];
const errors = errorResponses(400, 401, 403, 404);

export const schemeView = (s: SchemeView) => ({
  id: s.id,
  associationId: s.associationId,
  name: s.name,
  description: s.description,
  numberPrefix: s.numberPrefix,
  validityYears: s.validityYears,
  renewalCpdCredits: s.renewalCpdCredits,
  fee: s.feeAmount !== null && s.feeCurrency !== null ? { amount: s.feeAmount, currency: s.feeCurrency } : null,
  certificateLocales: s.certificateLocales,
  status: s.status,
  levels: s.levels.map((l) => ({ id: l.id, position: l.position, name: l.name, requirements: l.requirements })),
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

const examResultView = (r: ExamResultRow) => ({
  id: r.id,
  schemeId: r.schemeId,
  levelId: r.levelId,
  personId: r.personId,
  fullName: r.fullName,
  examName: r.examName,
  score: r.score,
  passed: r.passed,
  takenOn: r.takenOn,
  assessorName: r.assessorName,
  createdAt: r.createdAt,
});

export interface SchemeRouteDeps {
  db: Db;
  workers: boolean;
  jobHandlers: JobHandlers;
  /** Prepared before the job starts, so the job signs without opening keys inside its transaction. */
  credentials: CertificateCredentials;
}

/** Schemes: anyone reads open and closed ones; staff of the association write; assessors enter exam results. */
export async function schemeRoutes(base: FastifyInstance, deps: SchemeRouteDeps): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get(
    '/api/v1/schemes',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Certification schemes: open and closed ones of every association, and drafts of your associations',
        querystring: SchemeQuery,
        response: { 200: Type.Object({ items: Type.Array(Scheme) }), ...errors },
      },
    },
    async (request) => ({ items: (await listSchemes(db, { actor: request.auth, ...(request.query as SchemeQueryType) })).map(schemeView) }),
  );

  app.get(
    '/api/v1/schemes/:id',
    { config: { access: 'public' }, schema: { tags, summary: 'A scheme with its levels and requirements', params: IdParams, response: { 200: Scheme, ...errors } } },
    async (request) => schemeView(await getScheme(db, { actor: request.auth, id: request.params.id })),
  );

  app.post(
    '/api/v1/schemes',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Add a scheme (staff of the association)', body: SchemeInput, response: { 201: Scheme, ...errors, ...errorResponses(409) } },
    },
    async (request, reply) => {
      const input: SchemeFields & { associationId: string } = request.body as SchemeInputBody;
      return reply.code(201).send(schemeView(await createScheme(db, { actor: request.auth, input })));
    },
  );

  app.patch(
    '/api/v1/schemes/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Change some of a scheme’s fields; levels, when sent, are the whole new list',
        params: IdParams,
        body: SchemePatch,
        response: { 200: Scheme, ...errors, ...errorResponses(409) },
      },
    },
    async (request) => {
      const input: SchemeFields = request.body as SchemePatchBody;
      return schemeView(await updateScheme(db, { actor: request.auth, id: request.params.id, input }));
    },
  );

  app.get(
    '/api/v1/schemes/:id/exam-results',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Exam results of a scheme (assessors and staff)',
        params: IdParams,
        querystring: ExamResultQuery,
        response: { 200: Type.Object({ items: Type.Array(ExamResult) }), ...errors },
      },
    },
    async (request) => ({
      items: (await listExamResults(db, { actor: request.auth, schemeId: request.params.id, personId: request.query.personId })).map(examResultView),
    }),
  );

  app.post(
    '/api/v1/schemes/:id/exam-results',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Enter an exam result (assessors and staff)', params: IdParams, body: ExamResultInput, response: { 201: ExamResult, ...errors } },
    },
    async (request, reply) => {
      const result = await recordExamResult(db, { actor: request.auth, schemeId: request.params.id, input: request.body });
      return reply.code(201).send(examResultView(result));
    },
  );

  app.post(
    '/api/v1/schemes/:id/certificates/bulk',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Issue the certificates of every approved applicant who has none yet, as a job; poll GET /api/v1/jobs/{id}',
        params: IdParams,
        response: { 202: Job, ...errors },
      },
    },
    async (request, reply) => {
      const job = await startBulkIssue(db, { actor: request.auth, schemeId: request.params.id });
      await deps.credentials.signer();
      if (deps.workers) void startJob(db, job.id, deps.jobHandlers, request.log);
      return reply.code(202).send(jobView(job));
    },
  );

  app.post(
    '/api/v1/certificate-archives',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Archive the PDFs of the certificates a finished bulk issue covered, as a ZIP, in a job; poll GET /api/v1/jobs/{id}, then download it',
        body: Type.Object({ issueJobId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: { 202: Job, ...errors, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      const job = await startBulkArchive(db, { actor: request.auth, issueJobId: request.body.issueJobId });
      if (deps.workers) void startJob(db, job.id, deps.jobHandlers, request.log);
      return reply.code(202).send(jobView(job));
    },
  );

  app.get(
    '/api/v1/certificate-archives/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The ZIP of certificate PDFs made by an archive job, once it is done (staff)',
        params: IdParams,
        produces: ['application/zip'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/zip' }), ...errors },
      },
    },
    async (request, reply) => {
      const file = await getBulkArchive(db, { actor: request.auth, jobId: request.params.id });
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
}
