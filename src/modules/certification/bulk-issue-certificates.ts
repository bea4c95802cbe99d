import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { insertJob, replaceJobInput, type JobState } from '../../platform/jobs/repository.js';
import { sharedProofPool } from '../credentials/proof-pool.js';
import type { JobContext, JobHandlers, JobResult } from '../../platform/jobs/runner.js';
import { checkRole, MANAGE_ROLES } from './access.js';
import { approvedWithoutCertificate, type ApplicationRow } from './applications-repository.js';
import { BULK_ARCHIVE, runBulkArchive, type BulkIssueRun } from './bulk-certificate-archive.js';
import type { CertificationDeps } from './deps.js';
import { writeCertificates, type NewCertificate } from './certificate-issuance.js';
import { planIssueIn, recordIssued } from './issue-certificate.js';
import { issueRun } from './issue-run.js';
import { findScheme } from './schemes-repository.js';

export const BULK_ISSUE = 'certification_bulk_issue';

interface BulkIssueInput extends BulkIssueRun {
  schemeId: string;
  actorId: string;
}

export interface StartBulkIssueOptions {
  actor: AuthContext | null;
  schemeId: string;
}

/**
 * Queues the issue of a certificate for every approved applicant of a scheme who has none yet;
 * poll the job for progress. Issuing is idempotent, so a job re-run after a crash, or two jobs
 * at once, never issue or mail twice.
 */
export async function startBulkIssue(db: Db, options: StartBulkIssueOptions): Promise<JobState> {
  const scheme = await findScheme(db, options.schemeId);
  if (!scheme) throw new AppError('not_found', { values: { what: 'scheme' } });
  const auth = checkRole(options.actor, scheme.associationId, MANAGE_ROLES);
  const due = await approvedWithoutCertificate(db, scheme.id);
  const input: BulkIssueInput = { schemeId: scheme.id, actorId: auth.user.id };
  return insertJob(db, { associationId: scheme.associationId, kind: BULK_ISSUE, status: 'queued', total: due.length, input, createdBy: auth.user.id });
}

async function runBulkIssue(context: JobContext, deps: CertificationDeps): Promise<JobResult> {
  const input = context.job.input as BulkIssueInput;
  const due = await approvedWithoutCertificate(context.tx, input.schemeId);
  const signer = await deps.credentials.signerInTransaction();
  const run = issueRun(sharedProofPool());
  let skipped = 0;
  const certificateIds: string[] = [];
  const toIssue = new Map<string, { application: ApplicationRow; actorId: string | null }>();
  const certificates: NewCertificate[] = [];
  for (const applicationId of due) {
    const plan = await planIssueIn(context.tx, { applicationId, actorId: input.actorId, now: new Date(), signer }, run);
    if (plan.done) {
      skipped += 1;
      certificateIds.push(plan.done.certificate.id);
      continue;
    }
    toIssue.set(applicationId, plan);
    certificates.push(plan.certificate);
  }
  context.progress(skipped);
  // One transaction for the run, written in batches: while the proofs of one batch are made in
  // worker threads, the next is written; each batch is finished (credentials, audit entries,
  // mails) in order.
  await writeCertificates(context.tx, deps, certificates, run, async (rows) => {
    for (const row of rows) {
      const { application, actorId } = toIssue.get(row.applicationId!)!;
      await recordIssued(context.tx, deps, application, actorId, row);
      certificateIds.push(row.id);
    }
    context.progress(certificateIds.length);
  });
  const created = certificates.length;
  // Kept with the job, so the run's PDFs can be archived (bulk-certificate-archive.ts).
  await replaceJobInput(context.tx, context.job.id, { ...input, certificateIds });
  return { created, skipped };
}

/** The job kinds of certification, for the job runner. */
export function certificationJobHandlers(deps: CertificationDeps): JobHandlers {
  return { [BULK_ISSUE]: (context) => runBulkIssue(context, deps), [BULK_ARCHIVE]: (context) => runBulkArchive(context, deps) };
}
