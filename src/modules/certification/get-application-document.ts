import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { findFileContent } from '../../platform/files/repository.js';
import { applicationFor } from './application-access.js';
import { findDocument } from './applications-repository.js';

export interface DocumentFile {
  fileName: string;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface GetApplicationDocumentOptions {
  actor: AuthContext | null;
  applicationId: string;
  documentId: string;
}

/** A document of an application, for the applicant and the reviewers of the scheme's association. */
export async function getApplicationDocument(db: DbOrTx, options: GetApplicationDocumentOptions): Promise<DocumentFile> {
  const { application } = await applicationFor(db, options.actor, options.applicationId, 'read');
  const document = await findDocument(db, application.id, options.documentId);
  const file = document ? await findFileContent(db, document.fileId) : null;
  if (!file) throw new AppError('not_found', { values: { what: 'document' } });
  return { fileName: file.fileName, contentType: file.contentType, size: file.size, content: file.content };
}
