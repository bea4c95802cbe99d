import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLocale } from '../../platform/i18n/catalogue.js';
import { AppError } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Translated } from '../../platform/i18n/translated.js';
import type { Services } from '../../platform/services.js';
import { addCourseMaterial } from './add-course-material.js';
import { getMaterialFile } from './get-material-file.js';
import { MATERIAL_VISIBILITIES, type MaterialVisibility } from './material-fields.js';
import { removeCourseMaterial } from './remove-course-material.js';
import type { MaterialRow } from './repository.js';
import { IdParams, LinkMaterialInput, Material, MaterialParams, MaterialPatch, type LinkMaterialBody, type MaterialPatchBody } from './schemas.js';
import { updateCourseMaterial } from './update-course-material.js';

const tags = ['catalogue'];
const errors = errorResponses(400, 401, 403, 404);

export function materialDownloadUrl(courseId: string, materialId: string): string {
  return `/api/v1/courses/${courseId}/materials/${materialId}/file`;
}

export const materialView = (m: MaterialRow) => ({
  id: m.id,
  courseId: m.courseId,
  kind: m.kind,
  title: m.title,
  url: m.url,
  file:
    m.fileId && m.fileName && m.contentType && m.size !== null
      ? { fileName: m.fileName, contentType: m.contentType, size: m.size, downloadUrl: materialDownloadUrl(m.courseId, m.id) }
      : null,
  position: m.position,
  visibility: m.visibility,
  createdAt: m.createdAt,
});

/** A title field as sent by a form: a JSON object of languages, or plain text in the sender's language. */
function parseTitle(raw: string, request: FastifyRequest): Translated {
  const text = raw.trim();
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const title: Translated = {};
      for (const [key, value] of Object.entries(parsed)) if (isLocale(key) && typeof value === 'string') title[key] = value;
      return title;
    } catch {
      throw new AppError('validation', { fields: { title: { key: 'invalid' } } });
    }
  }
  return text ? { [request.locale]: text } : {};
}

/** The upload: `title` (optional), `visibility` (optional), then `file`, as multipart form data. */
async function readUpload(request: FastifyRequest) {
  let title: Translated | undefined;
  let visibility: MaterialVisibility | undefined;
  let file: { fileName: string; content: Buffer } | undefined;
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file' && !file) file = { fileName: part.filename || 'file', content };
      } else if (part.fieldname === 'title') {
        title = parseTitle(String(part.value), request);
      } else if (part.fieldname === 'visibility') {
        const value = String(part.value);
        if (!(MATERIAL_VISIBILITIES as readonly string[]).includes(value)) {
          throw new AppError('validation', { fields: { visibility: { key: 'one_of', values: { values: MATERIAL_VISIBILITIES.join(', ') } } } });
        }
        visibility = value as MaterialVisibility;
      }
    }
  }
  if (!file || file.content.length === 0) throw new AppError('validation', { fields: { file: { key: 'required' } } });
  return { title, visibility, ...file };
}

export async function materialRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;

  app.post(
    '/api/v1/courses/:id/materials',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Add a link to a course’s materials', params: IdParams, body: LinkMaterialInput, response: { 201: Material, ...errors } },
    },
    async (request, reply) => {
      const body = request.body as LinkMaterialBody;
      const material = await addCourseMaterial(db, {
        actor: request.auth,
        courseId: request.params.id,
        input: { kind: 'link', ...body },
        locale: request.locale,
      });
      return reply.code(201).send(materialView(material));
    },
  );

  app.post(
    '/api/v1/courses/:id/materials/files',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Upload a file to a course’s materials (multipart: title as JSON of languages or text, visibility, then file); its type is read from the content',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: Material, ...errors, ...errorResponses(413, 415) },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const material = await addCourseMaterial(db, {
        actor: request.auth,
        courseId: request.params.id,
        input: { kind: 'file', ...upload },
        locale: request.locale,
      });
      return reply.code(201).send(materialView(material));
    },
  );

  app.patch(
    '/api/v1/courses/:id/materials/:materialId',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Rename, move, or change who sees a material', params: MaterialParams, body: MaterialPatch, response: { 200: Material, ...errors } },
    },
    async (request) =>
      materialView(
        await updateCourseMaterial(db, {
          actor: request.auth,
          courseId: request.params.id,
          materialId: request.params.materialId,
          input: request.body as MaterialPatchBody,
        }),
      ),
  );

  app.delete(
    '/api/v1/courses/:id/materials/:materialId',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Remove a material (and its file)', params: MaterialParams, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await removeCourseMaterial(db, { actor: request.auth, courseId: request.params.id, materialId: request.params.materialId });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/courses/:id/materials/:materialId/file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Download a material’s file: anyone for public materials of published courses, members of the association otherwise',
        params: MaterialParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors },
      },
    },
    async (request, reply) => {
      const file = await getMaterialFile(db, { actor: request.auth, courseId: request.params.id, materialId: request.params.materialId });
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
