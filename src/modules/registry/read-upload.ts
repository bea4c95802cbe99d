import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { UPLOAD_LIMIT_BYTES } from './upload-limits.js';

/** The fields of the public upload form once read: the CSRF token and the file. */
export interface UploadBody {
  _csrf?: string;
  file?: { name: string; bytes: Uint8Array };
  /** The file was over the limit and was not read. */
  tooLarge?: boolean;
}

/**
 * Reads the multipart upload into `request.body` before the CSRF check looks there, so a plain
 * HTML form (which cannot send a header) carries its token as a field, like every other form.
 * A file over the limit is not read past the limit: the form says so.
 */
export async function readUploadForm(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) throw new AppError('unsupported_file');
  const body: UploadBody = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 4 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file' && bytes.length > 0) body.file = { name: part.filename || 'file', bytes: new Uint8Array(bytes) };
      } else if (part.fieldname === '_csrf' && typeof part.value === 'string') {
        body._csrf = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    body.tooLarge = true;
  }
  request.body = body;
}
