import type { Db, Tx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { findAssociation } from '../associations/repository.js';
import { findLivePerson } from '../people/person-values.js';
import { checkRole, MANAGE_ROLES } from './access.js';
import { recordStep } from './application-steps.js';
import { lockApplication, type ApplicationRow } from './applications-repository.js';
import type { CertificateSigner } from './certificate-credential.js';
import { writeCertificate, type NewCertificate } from './certificate-issuance.js';
import { addYears, localDate } from './certificate-numbers.js';
import { certificateView, type CertificateView } from './certificate-view.js';
import { certificateOfApplication, type CertificateRow } from './certificates-repository.js';
import { violatedUniqueRule } from './constraint-violation.js';
import type { CertificationDeps } from './deps.js';
import { issueRun, type IssueRun } from './issue-run.js';
import { findScheme } from './schemes-repository.js';

export interface IssueResult {
  certificate: CertificateView;
  /** False when the application already had its certificate: nothing was issued or mailed again. */
  created: boolean;
}

export interface IssueInOptions {
  applicationId: string;
  actorId: string | null;
  now: Date;
  signer: CertificateSigner;
  /** Checks the caller's right once the application is known (the bulk job checked it when it was started). */
  authorize?: (associationId: string) => void;
}

/** What issuing an application comes to: it already had its certificate, or this one is to be written. */
export type IssuePlan =
  | { done: IssueResult }
  | { done: null; application: ApplicationRow; certificate: NewCertificate; actorId: string | null };

/**
 * The checks before issuing: the application is locked (until the transaction ends) and must be
 * approved and still without a certificate; returns the certificate to write. A run of
 * certificates shares `run` (the scheme and association are read once).
 */
export async function planIssueIn(tx: Tx, options: IssueInOptions, run?: IssueRun): Promise<IssuePlan> {
  const application = await lockApplication(tx, options.applicationId);
  if (!application) throw new AppError('not_found', { values: { what: 'application' } });
  options.authorize?.(application.associationId);
  const existing = await certificateOfApplication(tx, application.id);
  if (existing) return { done: { certificate: certificateView(existing), created: false } };
  if (application.status !== 'approved') throw new AppError('conflict', { messageKey: 'certification.errors.not_approved' });
  const shared = run ?? issueRun();
  const scheme = (await shared.memo(`scheme:${application.schemeId}`, () => findScheme(tx, application.schemeId)))!;
  const association = await shared.memo(`association:${application.associationId}`, () => findAssociation(tx, application.associationId));
  const person = await findLivePerson(tx, application.personId);
  const issuedOn = localDate(options.now, association?.timeZone ?? 'UTC');
  const certificate: NewCertificate = {
    associationId: application.associationId,
    schemeId: scheme.id,
    numberPrefix: scheme.numberPrefix,
    levelId: application.levelId,
    personId: person?.id ?? application.personId,
    applicationId: application.id,
    replacesId: null,
    origin: 'application',
    holderName: person?.fullName ?? application.fullName,
    holderNameLatin: person?.nameLatin ?? application.nameLatin,
    issuedOn,
    validUntil: addYears(issuedOn, scheme.validityYears),
    numberYear: Number(issuedOn.slice(0, 4)),
    actorId: options.actorId,
    signer: options.signer,
  };
  return { done: null, application, certificate, actorId: options.actorId };
}

/** After the certificate is written: the application's step, and its mail (once: keyed on the certificate). */
export async function recordIssued(tx: Tx, deps: CertificationDeps, application: ApplicationRow, actorId: string | null, certificate: CertificateRow): Promise<IssueResult> {
  await recordStep(tx, deps, {
    application,
    actorId,
    action: 'certificate_issued',
    note: certificate.number,
    values: { number: certificate.number },
    dedupeKey: `certification:certificate:${certificate.id}:issued`,
  });
  return { certificate: certificateView(certificate), created: true };
}

/**
 * Issues the certificate of an approved application inside the caller's transaction. The
 * application row is locked first, so concurrent calls take turns and the later ones find the
 * certificate already there; the unique index on the application, and the mail's dedupe key on
 * the certificate, make sure of it even so.
 */
export async function issueCertificateIn(tx: Tx, deps: CertificationDeps, options: IssueInOptions): Promise<IssueResult> {
  const plan = await planIssueIn(tx, options);
  if (plan.done) return plan.done;
  return recordIssued(tx, deps, plan.application, plan.actorId, await writeCertificate(tx, deps, plan.certificate));
}

export interface IssueCertificateOptions {
  actor: AuthContext | null;
  applicationId: string;
  now?: Date;
}

/** Staff of the association issue the certificate of an approved application; a retry answers with the same certificate. */
export async function issueCertificate(db: Db, deps: CertificationDeps, options: IssueCertificateOptions): Promise<IssueResult> {
  const signer = await deps.credentials.signer();
  const run = () =>
    db.transaction((tx) =>
      issueCertificateIn(tx, deps, {
        applicationId: options.applicationId,
        actorId: options.actor?.user.id ?? null,
        now: options.now ?? new Date(),
        signer,
        authorize: (associationId) => checkRole(options.actor, associationId, MANAGE_ROLES),
      }),
    );
  try {
    return await run();
  } catch (error) {
    // Another request issued it between our read and our write: answer with theirs.
    if (violatedUniqueRule(error) === 'certificates_application') return run();
    throw error;
  }
}
