import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { deleteFile } from '../../platform/files/repository.js';
import { applicationFor } from './application-access.js';
import { recordStep } from './application-steps.js';
import { applicantMayEdit } from './application-transitions.js';
import { applicationView, type ApplicationView } from './application-view.js';
import { deleteDocumentRow, findDocument } from './applications-repository.js';
import type { CertificationDeps } from './deps.js';

export interface RemoveApplicationDocumentOptions {
  actor: AuthContext | null;
  applicationId: string;
  documentId: string;
}

/** The applicant takes back a document (and its file) while the application is in their hands. */
export async function removeApplicationDocument(
  db: Db,
  deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>,
  options: RemoveApplicationDocumentOptions,
): Promise<ApplicationView> {
  await db.transaction(async (tx) => {
    const { auth, application } = await applicationFor(tx, options.actor, options.applicationId, 'applicant', true);
    if (!applicantMayEdit(application.status)) throw new AppError('conflict', { messageKey: 'certification.errors.not_editable' });
    const document = await findDocument(tx, application.id, options.documentId);
    if (!document) throw new AppError('not_found', { values: { what: 'document' } });
    await deleteDocumentRow(tx, document.id);
    await deleteFile(tx, document.fileId);
    await recordStep(tx, deps, { application, actorId: auth.user.id, action: 'document_removed', note: `${document.documentType}: ${document.fileName}` });
  });
  return applicationView(db, await applicationFor(db, options.actor, options.applicationId, 'applicant'));
}
