import crypto from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../errors.js';
import { detectFileType, fileNameFor } from './detect-type.js';
import { insertFile, type FileMeta } from './repository.js';

export interface StoreFileOptions {
  associationId: string | null;
  /** The name the file was uploaded with; only its base is kept, with the detected extension. */
  fileName: string;
  content: Buffer;
  createdBy: string | null;
  /** The MIME types accepted here, as detected from the content. */
  accept: readonly string[];
  /** The form field that carried the file, named in the error. */
  field?: string;
}

/** Checks what the file really is, refuses what is not accepted, and keeps it in the database. */
export async function storeFile(db: DbOrTx, options: StoreFileOptions): Promise<FileMeta> {
  const field = options.field ?? 'file';
  if (options.content.length === 0) throw new AppError('validation', { fields: { [field]: { key: 'required' } } });
  const detected = await detectFileType(options.content);
  if (!detected || !options.accept.includes(detected.mime)) {
    throw new AppError('unsupported_file', { fields: { [field]: { key: 'file_type' } } });
  }
  return insertFile(db, {
    associationId: options.associationId,
    fileName: fileNameFor(options.fileName, detected),
    contentType: detected.mime,
    size: options.content.length,
    sha256: crypto.createHash('sha256').update(options.content).digest('hex'),
    content: options.content,
    createdBy: options.createdBy,
  });
}
