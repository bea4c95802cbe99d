import crypto from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { findFileContent, insertFile } from '../../platform/files/repository.js';
import { ZipArchive } from '../../platform/files/zip-archive.js';
import { findJob, insertJob, replaceJobInput, type JobState } from '../../platform/jobs/repository.js';
import type { JobContext, JobHandlers, JobResult } from '../../platform/jobs/runner.js';
import { sessionForAttendance } from './attendance-access.js';
import { completedRegistrationIds, findCertificate } from './completions-repository.js';
import { renderParticipationCertificate, type CertificateDeps } from './participation-certificate.js';

export const PARTICIPATION_ARCHIVE = 'participation_archive';

interface ArchiveInput {
  sessionId: string;
  registrationIds: string[];
  /** Set once the archive is written. */
  fileId?: string;
}

/**
 * Queues a ZIP of the certificates of participation of everyone who completed the session (as
 * completion stands now); poll the job for progress, then download it. Staff of the session's
 * association only.
 */
export async function startParticipationArchive(db: Db, options: { actor: AuthContext | null; sessionId: string }): Promise<JobState> {
  const { auth, session } = await sessionForAttendance(db, options.actor, options.sessionId, 'manage');
  const registrationIds = await completedRegistrationIds(db, session.id);
  const input: ArchiveInput = { sessionId: session.id, registrationIds };
  return insertJob(db, { associationId: session.associationId, kind: PARTICIPATION_ARCHIVE, status: 'queued', total: registrationIds.length, input, createdBy: auth.user.id });
}

async function runParticipationArchive(deps: CertificateDeps, context: JobContext): Promise<JobResult> {
  const input = context.job.input as ArchiveInput;
  const archive = new ZipArchive();
  let written = 0;
  for (const [i, registrationId] of input.registrationIds.entries()) {
    const record = await findCertificate(context.tx, registrationId);
    // Completion may have been overridden since the archive was asked for.
    if (record?.completed && record.registrationStatus === 'confirmed') {
      archive.add(`certificate-${record.verificationCode}.pdf`, await renderParticipationCertificate(context.tx, deps, record), record.completedAt ?? new Date());
      written += 1;
    }
    context.progress(i + 1);
  }
  const content = archive.finish();
  const file = await insertFile(context.tx, {
    associationId: context.job.associationId,
    fileName: `participation-certificates-${input.sessionId.slice(0, 8)}.zip`,
    contentType: 'application/zip',
    size: content.length,
    sha256: crypto.createHash('sha256').update(content).digest('hex'),
    content,
    createdBy: context.job.createdBy,
  });
  await replaceJobInput(context.tx, context.job.id, { ...input, fileId: file.id });
  return { created: written, skipped: input.registrationIds.length - written };
}

export function participationArchiveHandlers(deps: CertificateDeps): JobHandlers {
  return { [PARTICIPATION_ARCHIVE]: (context) => runParticipationArchive(deps, context) };
}

/** The finished archive of a session, for staff of its association. */
export async function getParticipationArchive(db: DbOrTx, options: { actor: AuthContext | null; sessionId: string; jobId: string }): Promise<{ fileName: string; content: Buffer }> {
  const { session } = await sessionForAttendance(db, options.actor, options.sessionId, 'manage');
  const job = await findJob(db, options.jobId);
  const input = job?.input as ArchiveInput | undefined;
  if (job?.kind !== PARTICIPATION_ARCHIVE || input?.sessionId !== session.id) throw new AppError('not_found', { values: { what: 'job' } });
  const file = job.status === 'done' && input.fileId ? await findFileContent(db, input.fileId) : null;
  if (!file) throw new AppError('not_found', { values: { what: 'job' } });
  return { fileName: file.fileName, content: file.content };
}
