import crypto from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { findFileContent, insertFile } from '../../platform/files/repository.js';
import { ZipArchive } from '../../platform/files/zip-archive.js';
import { findJob, insertJob, replaceJobInput, type JobState } from '../../platform/jobs/repository.js';
import type { JobContext, JobResult } from '../../platform/jobs/runner.js';
import { checkRole, MANAGE_ROLES } from './access.js';
import { renderCertificateDocument } from './certificate-document.js';
import { findCertificate } from './certificates-repository.js';
import type { CertificationDeps } from './deps.js';

export const BULK_ARCHIVE = 'certification_bulk_archive';
const BULK_ISSUE = 'certification_bulk_issue';

/** What a bulk issue job keeps of its run: the certificates it covered, for their archive. */
export interface BulkIssueRun {
  certificateIds?: string[];
}

interface ArchiveInput {
  issueJobId: string;
  certificateIds: string[];
  /** Set once the archive is written. */
  fileId?: string;
}

/**
 * Queues a ZIP of the PDFs of every certificate a finished bulk issue covered; poll the job for
 * progress, then download it. Staff of the association only.
 */
export async function startBulkArchive(db: Db, options: { actor: AuthContext | null; issueJobId: string }): Promise<JobState> {
  const issue = await findJob(db, options.issueJobId);
  if (issue?.kind !== BULK_ISSUE || !issue.associationId) throw new AppError('not_found', { values: { what: 'job' } });
  const auth = checkRole(options.actor, issue.associationId, MANAGE_ROLES);
  if (issue.status !== 'done') throw new AppError('conflict', { messageKey: 'certification.errors.bulk_not_done' });
  const certificateIds = (issue.input as BulkIssueRun).certificateIds ?? [];
  const input: ArchiveInput = { issueJobId: issue.id, certificateIds };
  return insertJob(db, { associationId: issue.associationId, kind: BULK_ARCHIVE, status: 'queued', total: certificateIds.length, input, createdBy: auth.user.id });
}

/** The PDFs of these certificates as one ZIP, each named by its certificate number. */
export async function buildCertificateArchive(
  db: DbOrTx,
  deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>,
  certificateIds: readonly string[],
  progress: (done: number) => void = () => undefined,
): Promise<Buffer> {
  const archive = new ZipArchive();
  const services = { db, messages: deps.messages, config: { publicUrl: deps.publicUrl } };
  for (const [i, id] of certificateIds.entries()) {
    const certificate = await findCertificate(db, id);
    if (!certificate) continue;
    archive.add(`${certificate.number}.pdf`, await renderCertificateDocument(services, id), certificate.createdAt);
    progress(i + 1);
  }
  return archive.finish();
}

export async function runBulkArchive(context: JobContext, deps: CertificationDeps): Promise<JobResult> {
  const input = context.job.input as ArchiveInput;
  const archive = await buildCertificateArchive(context.tx, deps, input.certificateIds, context.progress);
  const file = await insertFile(context.tx, {
    associationId: context.job.associationId,
    fileName: `certificates-${input.issueJobId.slice(0, 8)}.zip`,
    contentType: 'application/zip',
    size: archive.length,
    sha256: crypto.createHash('sha256').update(archive).digest('hex'),
    content: archive,
    createdBy: context.job.createdBy,
  });
  await replaceJobInput(context.tx, context.job.id, { ...input, fileId: file.id });
  return { created: input.certificateIds.length, skipped: 0 };
}

/** The finished archive, for staff of the association. */
export async function getBulkArchive(db: DbOrTx, options: { actor: AuthContext | null; jobId: string }): Promise<{ fileName: string; content: Buffer }> {
  const job = await findJob(db, options.jobId);
  if (job?.kind !== BULK_ARCHIVE || !job.associationId) throw new AppError('not_found', { values: { what: 'job' } });
  checkRole(options.actor, job.associationId, MANAGE_ROLES);
  const fileId = (job.input as ArchiveInput).fileId;
  const file = job.status === 'done' && fileId ? await findFileContent(db, fileId) : null;
  if (!file) throw new AppError('not_found', { values: { what: 'job' } });
  return { fileName: file.fileName, content: file.content };
}
