import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fieldError } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Translator } from '../../platform/i18n/catalogue.js';
import { jobView } from '../../platform/jobs/get-job.js';
import { startJob } from '../../platform/jobs/runner.js';
import { Job } from '../../platform/jobs/schemas.js';
import type { Services } from '../../platform/services.js';
import { commitPeopleImport } from './commit-people-import.js';
import { ImportVocabulary } from './import-columns.js';
import { previewPeopleImport, type ImportPreview as Preview } from './preview-people-import.js';
import { peopleJobHandlers } from './run-people-import.js';
import { CommitBody, IdParams, ImportPreview, type CommitBodyType } from './schemas.js';

const tags = ['people'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The upload: `associationId` then `file`, as multipart form data. */
async function readUpload(request: FastifyRequest): Promise<{ associationId: string; fileName: string; content: Buffer }> {
  let associationId: string | undefined;
  let file: { fileName: string; content: Buffer } | undefined;
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file' && !file) file = { fileName: part.filename || 'upload', content };
      } else if (part.fieldname === 'associationId') {
        associationId = String(part.value).trim();
      }
    }
  }
  if (!associationId || !UUID.test(associationId)) throw fieldError('associationId', 'required');
  if (!file || file.content.length === 0) throw fieldError('file', 'required');
  return { associationId, ...file };
}

function localisePreview(preview: Preview, tr: Translator) {
  return {
    ...preview,
    status: 'preview' as const,
    rows: preview.rows.map((r) => ({
      row: r.row,
      errors: r.problems.map((p) => ({ column: p.column, message: tr.t(p.key, p.values) })),
    })),
  };
}

/** Importing people from CSV or XLSX: preview, then commit as a job. */
export async function importRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;
  const vocabulary = new ImportVocabulary(services.messages);

  app.post(
    '/api/v1/people/imports',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX file of people (multipart: associationId, then file); nothing is written yet',
        consumes: ['multipart/form-data'],
        response: { 201: ImportPreview, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const preview = await previewPeopleImport(db, { actor: request.auth, vocabulary, ...upload });
      return reply.code(201).send(localisePreview(preview, request.tr));
    },
  );

  app.post(
    '/api/v1/people/imports/:id/commit',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Write a previewed import; poll GET /api/v1/jobs/{id} for progress',
        params: IdParams,
        body: CommitBody,
        response: { 202: Job, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const job = await commitPeopleImport(db, { actor: request.auth, jobId: request.params.id, mode: (request.body as CommitBodyType).mode });
      if (services.config.workers) void startJob(db, job.id, peopleJobHandlers, request.log);
      return reply.code(202).send(jobView(job));
    },
  );
}
