import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http/schema-types.js';
import {
  Application,
  ApplicationInput,
  ApplicationPatch,
  ApplicationQuery,
  ApplicationSummary,
  CheckBody,
  CheckParams,
  DocumentParams,
  NoteBody,
  RequiredNoteBody,
  type ApplicationQueryType,
} from './application-schemas.js';
import type { ApplicationView } from './application-view.js';
import type { ApplicationRow } from './applications-repository.js';
import { approveApplication } from './approve-application.js';
import { checkRequirement } from './check-requirement.js';
import type { CertificationDeps } from './deps.js';
import { getApplication } from './get-application.js';
import { getApplicationDocument } from './get-application-document.js';
import { listApplications } from './list-applications.js';
import { rejectApplication } from './reject-application.js';
import { removeApplicationDocument } from './remove-application-document.js';
import { requestInformation } from './request-information.js';
import { IdParams } from './scheme-schemas.js';
import { startApplication } from './start-application.js';
import { startReview } from './start-review.js';
import { submitApplication } from './submit-application.js';
import { updateApplication } from './update-application.js';
import { documentTooLarge, MAX_DOCUMENT_BYTES, uploadApplicationDocument } from './upload-application-document.js';

const tags = ['certification'];
const errors = errorResponses(400, 401, 403, 404);
const stepErrors = { ...errors, ...errorResponses(409) };

const summaryView = (a: ApplicationRow) => ({
  id: a.id,
  associationId: a.associationId,
  status: a.status,
  scheme: { id: a.schemeId, name: a.schemeName },
  level: { id: a.levelId, name: a.levelName },
  applicant: { personId: a.personId, fullName: a.fullName, nameLatin: a.nameLatin },
  submittedAt: a.submittedAt,
  decidedAt: a.decidedAt,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

export const applicationView = (a: ApplicationView) => ({
  ...a,
  documents: a.documents.map((d) => ({
    id: d.id,
    documentType: d.documentType,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    uploadedAt: d.uploadedAt,
    downloadUrl: `/api/v1/applications/${a.id}/documents/${d.id}/file`,
  })),
});

/** The upload: `documentType`, then `file`, as multipart form data. Anything over the limit is refused while it streams in. */
async function readDocument(request: FastifyRequest) {
  let documentType = '';
  let file: { fileName: string; content: Buffer } | undefined;
  if (request.isMultipart()) {
    for await (const part of request.parts({ limits: { fileSize: MAX_DOCUMENT_BYTES } })) {
      if (part.type === 'file') {
        let content: Buffer;
        try {
          content = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw documentTooLarge();
          throw error;
        }
        if (part.fieldname === 'file' && !file) file = { fileName: part.filename || 'document', content };
      } else if (part.fieldname === 'documentType') {
        documentType = String(part.value);
      }
    }
  }
  if (!file) throw new AppError('validation', { fields: { file: { key: 'required' } } });
  return { documentType, ...file };
}

/** Applications: engineers apply and answer; assessors and staff of the scheme's association review. */
export async function applicationRoutes(base: FastifyInstance, { db, deps }: { db: Db; deps: CertificationDeps }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/applications',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Your own applications (mine=true), or the review queue of the associations where you assess',
        querystring: ApplicationQuery,
        response: {
          200: Type.Object({ items: Type.Array(ApplicationSummary), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const q = request.query as ApplicationQueryType;
      const page = await listApplications(db, { actor: request.auth, ...q, statuses: q.status });
      return { ...page, items: page.items.map(summaryView) };
    },
  );

  app.post(
    '/api/v1/applications',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Apply for a level of an open scheme (starts a draft)', body: ApplicationInput, response: { 201: Application, ...stepErrors } },
    },
    async (request, reply) => reply.code(201).send(applicationView(await startApplication(db, deps, { actor: request.auth, input: request.body }))),
  );

  app.get(
    '/api/v1/applications/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'An application with its requirement status, checklist, documents and history', params: IdParams, response: { 200: Application, ...errors } },
    },
    async (request) => applicationView(await getApplication(db, { actor: request.auth, id: request.params.id })),
  );

  app.patch(
    '/api/v1/applications/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Change the stated experience or statement (applicant, draft or needs_info)', params: IdParams, body: ApplicationPatch, response: { 200: Application, ...stepErrors } },
    },
    async (request) => applicationView(await updateApplication(db, deps, { actor: request.auth, id: request.params.id, input: request.body })),
  );

  app.post(
    '/api/v1/applications/:id/documents',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Upload a document (multipart: documentType, then file); PDF, JPEG or PNG as read from the content, at most 10 MB',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: Application, ...stepErrors, ...errorResponses(413, 415) },
      },
    },
    async (request, reply) => {
      const upload = await readDocument(request);
      const view = await uploadApplicationDocument(db, deps, { actor: request.auth, applicationId: request.params.id, ...upload });
      return reply.code(201).send(applicationView(view));
    },
  );

  app.delete(
    '/api/v1/applications/:id/documents/:documentId',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Remove a document (applicant, draft or needs_info)', params: DocumentParams, response: { 200: Application, ...stepErrors } },
    },
    async (request) =>
      applicationView(await removeApplicationDocument(db, deps, { actor: request.auth, applicationId: request.params.id, documentId: request.params.documentId })),
  );

  app.get(
    '/api/v1/applications/:id/documents/:documentId/file',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Download a document (applicant and reviewers)',
        params: DocumentParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors },
      },
    },
    async (request, reply) => {
      const file = await getApplicationDocument(db, { actor: request.auth, applicationId: request.params.id, documentId: request.params.documentId });
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  const step = (path: string, summary: string, body: typeof NoteBody | typeof RequiredNoteBody, run: (id: string, request: FastifyRequest, note: string | null | undefined) => Promise<ApplicationView>) =>
    app.post(
      `/api/v1/applications/:id/${path}`,
      { config: { access: 'signed_in' }, schema: { tags, summary, params: IdParams, body, response: { 200: Application, ...stepErrors } } },
      async (request) => applicationView(await run(request.params.id, request, (request.body).note)),
    );

  step('submit', 'Submit, or resubmit after being asked for more (applicant); note: the answer', NoteBody, (id, r, note) =>
    submitApplication(db, deps, { actor: r.auth, id, note }),
  );
  step('review', 'Take a submitted application into review (assessor)', NoteBody, (id, r) => startReview(db, deps, { actor: r.auth, id }));
  step('request-info', 'Ask the applicant for more (assessor); note: what is needed', RequiredNoteBody, (id, r, note) =>
    requestInformation(db, deps, { actor: r.auth, id, note: note ?? '' }),
  );
  step('approve', 'Approve once every checklist item is met (assessor)', NoteBody, (id, r, note) => approveApplication(db, deps, { actor: r.auth, id, note }));
  step('reject', 'Reject with a reason (assessor)', RequiredNoteBody, (id, r, note) => rejectApplication(db, deps, { actor: r.auth, id, note: note ?? '' }));

  app.put(
    '/api/v1/applications/:id/checklist/:requirementId',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Tick a checklist item as met or not, with a note (assessor, in review)', params: CheckParams, body: CheckBody, response: { 200: Application, ...stepErrors } },
    },
    async (request) =>
      applicationView(
        await checkRequirement(db, deps, { actor: request.auth, id: request.params.id, requirementId: request.params.requirementId, ...request.body }),
      ),
  );
}
