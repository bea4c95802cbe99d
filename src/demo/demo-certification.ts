import type { Tx } from '../db/client.js';
import { findUserByEmail, insertUser } from '../modules/accounts/repository.js';
import { appendAudit } from '../modules/audit/append-audit.js';
import {
  insertApplication,
  insertApplicationEvent,
  updateApplicationRow,
  upsertCheck,
  type ApplicationChanges,
} from '../modules/certification/applications-repository.js';
import type { CertificateSigner } from '../modules/certification/certificate-credential.js';
import { writeCertificate } from '../modules/certification/certificate-issuance.js';
import { addYears, localDate } from '../modules/certification/certificate-numbers.js';
import { insertCertificateEvent, markExpired, updateCertificateStatus, type CertificateRow } from '../modules/certification/certificates-repository.js';
import { insertExamResult } from '../modules/certification/exam-results-repository.js';
import { insertLevel, insertScheme, levelsOf } from '../modules/certification/schemes-repository.js';
import { credentialStatusLists } from '../modules/certification/status-lists.js';
import type { ApplicationStatus, ReasonCategory } from '../modules/certification/tables.js';
import { findPersonById, findPersonIdByEmail } from '../modules/people/repository.js';
import type { DemoCatalogue } from './demo-catalogue.js';
import { DEMO_SCHEMES, type DemoApplicant, type DemoSchemeKey } from './demo-certification-data.js';

const DAY = 86_400_000;
const deps = { statusLists: credentialStatusLists };

export interface DemoCertification {
  schemes: number;
  applications: number;
  certificates: number;
}

interface Level {
  id: string;
  schemeId: string;
  requirements: Array<{ id: string }>;
}

interface SchemeContext {
  associationId: string;
  schemeId: string;
  numberPrefix: string;
  timeZone: string;
  levels: Level[];
}

/** The applicant's account (no password: an invited engineer), linked to their person. */
async function applicantUser(tx: Tx, personId: string, email: string, displayName: string, locale: string): Promise<string> {
  const existing = await findUserByEmail(tx, email);
  if (existing) return existing.id;
  return (await insertUser(tx, { email, displayName, passwordHash: null, locale, personId })).id;
}

const STEPS: Record<ApplicationStatus, string[]> = {
  draft: ['created'],
  submitted: ['created', 'submitted'],
  in_review: ['created', 'submitted', 'in_review'],
  needs_info: ['created', 'submitted', 'in_review', 'needs_info'],
  approved: ['created', 'submitted', 'in_review', 'approved'],
  rejected: ['created', 'submitted', 'in_review', 'rejected'],
};

/** An application brought to its demo status with the history, checklist and dates it would have. */
async function seedApplication(tx: Tx, scheme: SchemeContext, applicant: DemoApplicant, personId: string, userId: string, reviewerNote: (status: ApplicationStatus) => string | null, decidedAt: Date) {
  const level = scheme.levels[applicant.level]!;
  const id = await insertApplication(tx, {
    associationId: scheme.associationId,
    schemeId: scheme.schemeId,
    levelId: level.id,
    personId,
    userId,
    locale: applicant.locale,
    experienceYears: applicant.experienceYears,
    statement: applicant.statement ?? null,
  });
  const status = applicant.status;
  const steps = STEPS[status];
  const stepAt = (i: number) => new Date(decidedAt.getTime() - (steps.length - 1 - i) * 7 * DAY);
  const changes: ApplicationChanges = { status };
  if (status !== 'draft') {
    changes.submittedAt = stepAt(steps.indexOf('submitted'));
    changes.requirements = (await levelsOf(tx, [scheme.schemeId])).find((l) => l.id === level.id)!.requirements;
  }
  if (status === 'approved' || status === 'rejected') {
    Object.assign(changes, { decidedAt, decisionReason: reviewerNote(status) });
  }
  await updateApplicationRow(tx, id, changes);
  // A week between steps, the last on the day of the decision.
  for (const [i, action] of steps.entries()) {
    const note = action === 'needs_info' || action === 'rejected' || action === 'approved' ? reviewerNote(action) : null;
    await insertApplicationEvent(tx, { applicationId: id, actorId: i === 0 || action === 'submitted' ? userId : null, action, note, at: stepAt(i) });
  }
  if (status === 'in_review' || status === 'approved') {
    const checked = status === 'approved' ? level.requirements : level.requirements.slice(0, 2);
    for (const r of checked) await upsertCheck(tx, { applicationId: id, requirementId: r.id, met: true, note: null, checkedBy: null });
  }
  return { id, levelId: level.id };
}

async function changeStatus(tx: Tx, certificate: CertificateRow, to: 'suspended' | 'revoked', category: ReasonCategory, reason: string): Promise<void> {
  await updateCertificateStatus(tx, certificate.id, { status: to, statusReasonCategory: category, statusReason: reason });
  const entry = to === 'suspended' ? { listId: certificate.suspensionListId, index: certificate.suspensionIndex } : { listId: certificate.revocationListId, index: certificate.revocationIndex };
  if (entry.listId !== null && entry.index !== null) await deps.statusLists.set(tx, { listId: entry.listId, index: entry.index }, true);
  await insertCertificateEvent(tx, { certificateId: certificate.id, actorId: null, action: to, reasonCategory: category, note: reason });
  await appendAudit(tx, { actor: 'system', entity: `certificate:${certificate.id}`, action: to, data: { from: 'active', to, category, reason } });
}

async function expire(tx: Tx, certificate: CertificateRow): Promise<void> {
  await markExpired(tx, certificate.id);
  await insertCertificateEvent(tx, { certificateId: certificate.id, actorId: null, action: 'expired' });
  await appendAudit(tx, { actor: 'system', entity: `certificate:${certificate.id}`, action: 'expired', data: { from: 'active', validUntil: certificate.validUntil } });
}

/**
 * The pilot national certification schemes (consulting engineers in Uzbekistan, water supply
 * engineers in Kazakhstan) with applications in every state and certified engineers whose
 * certificates are active, suspended, revoked, expired, renewed and re-issued, each with its signed
 * credential. Runs inside the demo's transaction, after the people and the catalogue.
 */
export async function seedDemoCertification(
  tx: Tx,
  associationIds: ReadonlyMap<string, string>,
  catalogue: DemoCatalogue,
  signer: CertificateSigner,
  now = new Date(),
): Promise<DemoCertification> {
  let applications = 0;
  let certificates = 0;
  let schemes = 0;
  for (const key of ['uz', 'kz'] as DemoSchemeKey[]) {
    const associationId = associationIds.get(key);
    const demo = DEMO_SCHEMES[key];
    if (!associationId) continue;
    const courses = catalogue.courses.get(key);
    const schemeId = await insertScheme(tx, associationId, demo.values);
    for (const [position, level] of demo.levels.entries()) {
      await insertLevel(tx, schemeId, { position, name: level.name, requirements: level.requirements(courses ?? new Map()) });
    }
    schemes += 1;
    const levels = (await levelsOf(tx, [schemeId])).map((l) => ({ id: l.id, schemeId, requirements: l.requirements }));
    const scheme: SchemeContext = { associationId, schemeId, numberPrefix: demo.values.numberPrefix, timeZone: demo.timeZone, levels };

    for (const applicant of demo.applicants) {
      const personId = await findPersonIdByEmail(tx, associationId, applicant.email);
      const person = personId ? await findPersonById(tx, personId) : null;
      if (!person) continue;
      const userId = await applicantUser(tx, person.id, applicant.email, person.nameLatin ?? person.fullName, applicant.locale);
      const issuedAt = new Date(now.getTime() - (applicant.certificate?.issuedDaysAgo ?? 10) * DAY);
      const decidedAt = new Date(issuedAt.getTime() - 3 * DAY);
      const application = await seedApplication(tx, scheme, applicant, person.id, userId, (status) => demo.notes[status] ?? null, decidedAt);
      applications += 1;
      if (applicant.examScore > 0) {
        await insertExamResult(tx, {
          associationId,
          schemeId,
          levelId: application.levelId,
          personId: person.id,
          examName: demo.examName,
          score: applicant.examScore,
          passed: applicant.examScore >= 60,
          takenOn: localDate(new Date(decidedAt.getTime() - 30 * DAY), scheme.timeZone),
          assessorId: null,
        });
      }
      const plan = applicant.certificate;
      if (!plan || applicant.status !== 'approved') continue;
      const issuedOn = localDate(issuedAt, scheme.timeZone);
      let certificate = await writeCertificate(tx, deps, {
        associationId,
        schemeId,
        numberPrefix: scheme.numberPrefix,
        levelId: application.levelId,
        personId: person.id,
        applicationId: application.id,
        replacesId: null,
        origin: 'application',
        holderName: person.fullName,
        holderNameLatin: person.nameLatin,
        issuedOn,
        validUntil: addYears(issuedOn, demo.values.validityYears),
        numberYear: Number(issuedOn.slice(0, 4)),
        actorId: null,
        signer,
      });
      await insertApplicationEvent(tx, { applicationId: application.id, actorId: null, action: 'certificate_issued', note: certificate.number, at: issuedAt });
      certificates += 1;
      if (plan.status === 'suspended' || plan.status === 'revoked') await changeStatus(tx, certificate, plan.status, plan.category!, plan.reason!);
      if (plan.status === 'expired' || plan.renewedDaysAgo !== undefined) await expire(tx, certificate);
      if (plan.renewedDaysAgo !== undefined) {
        const renewedOn = localDate(new Date(now.getTime() - plan.renewedDaysAgo * DAY), scheme.timeZone);
        const old = certificate;
        certificate = await writeCertificate(tx, deps, {
          associationId,
          schemeId,
          numberPrefix: scheme.numberPrefix,
          levelId: application.levelId,
          personId: person.id,
          applicationId: null,
          replacesId: old.id,
          origin: 'renewal',
          holderName: person.fullName,
          holderNameLatin: person.nameLatin,
          issuedOn: renewedOn,
          validUntil: addYears(renewedOn > old.validUntil ? renewedOn : old.validUntil, demo.values.validityYears),
          numberYear: Number(renewedOn.slice(0, 4)),
          actorId: null,
          note: old.number,
          signer,
        });
        await insertCertificateEvent(tx, { certificateId: old.id, actorId: null, action: 'renewed', note: certificate.number });
        await appendAudit(tx, { actor: 'system', entity: `certificate:${old.id}`, action: 'renewed', data: { by: certificate.id, number: certificate.number } });
        certificates += 1;
      }
    }
  }
  return { schemes, applications, certificates };
}
