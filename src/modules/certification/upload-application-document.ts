import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { detectFileType } from '../../platform/files/detect-type.js';
import { storeFile } from '../../platform/files/store-file.js';
import { applicationFor } from './application-access.js';
import { recordStep } from './application-steps.js';
import { applicantMayEdit } from './application-transitions.js';
import { applicationView, type ApplicationView } from './application-view.js';
import { insertDocument, updateApplicationRow } from './applications-repository.js';
import type { CertificationDeps } from './deps.js';
import { DOCUMENT_TYPES, type DocumentType } from './requirements.js';

/** Scans and photos of documents: PDF, JPEG or PNG, as the content shows, whatever the name or the browser says. */
export const DOCUMENT_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_DOCUMENT_MB = 10;
export const MAX_DOCUMENT_BYTES = MAX_DOCUMENT_MB * 1024 * 1024;

export interface UploadApplicationDocumentOptions {
  actor: AuthContext | null;
  applicationId: string;
  documentType: string;
  fileName: string;
  content: Buffer;
}

export function documentTooLarge(): AppError {
  return new AppError('payload_too_large', { fields: { file: { key: 'certification_file_size', values: { max: MAX_DOCUMENT_MB } } } });
}

/** Checks an uploaded document's size and its type by its content; the error names the form field. */
export async function checkDocumentFile(content: Buffer): Promise<void> {
  if (content.length === 0) throw new AppError('validation', { fields: { file: { key: 'required' } } });
  if (content.length > MAX_DOCUMENT_BYTES) throw documentTooLarge();
  const detected = await detectFileType(content);
  if (!detected || !(DOCUMENT_FILE_TYPES as readonly string[]).includes(detected.mime)) {
    throw new AppError('unsupported_file', { fields: { file: { key: 'certification_document_file' } } });
  }
}

/** The applicant adds a document (diploma, CV, employer letter…) while the application is in their hands. */
export async function uploadApplicationDocument(
  db: Db,
  deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>,
  options: UploadApplicationDocumentOptions,
): Promise<ApplicationView> {
  if (!(DOCUMENT_TYPES as readonly string[]).includes(options.documentType)) {
    throw new AppError('validation', { fields: { documentType: { key: 'one_of', values: { values: DOCUMENT_TYPES.join(', ') } } } });
  }
  await checkDocumentFile(options.content);
  await db.transaction(async (tx) => {
    const { auth, application } = await applicationFor(tx, options.actor, options.applicationId, 'applicant', true);
    if (!applicantMayEdit(application.status)) throw new AppError('conflict', { messageKey: 'certification.errors.not_editable' });
    const file = await storeFile(tx, {
      associationId: application.associationId,
      fileName: options.fileName,
      content: options.content,
      createdBy: auth.user.id,
      accept: DOCUMENT_FILE_TYPES,
    });
    await insertDocument(tx, { applicationId: application.id, documentType: options.documentType as DocumentType, fileId: file.id, uploadedBy: auth.user.id });
    await updateApplicationRow(tx, application.id, { locale: auth.user.locale });
    await recordStep(tx, deps, { application, actorId: auth.user.id, action: 'document_uploaded', note: `${options.documentType}: ${file.fileName}` });
  });
  return applicationView(db, await applicationFor(db, options.actor, options.applicationId, 'applicant'));
}
