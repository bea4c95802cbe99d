import type { DbOrTx } from '../../db/client.js';
import type { Translated } from '../../platform/i18n/translated.js';
import type { ApplicationAccess } from './application-access.js';
import { applicantMayEdit, stepsFrom, type ApplicationStep } from './application-transitions.js';
import { applicantRecords } from './applicant-records.js';
import { checksOf, documentsOf, eventsOf, type ApplicationEventRow, type ApplicationRow, type DocumentRow } from './applications-repository.js';
import { certificateOfApplication } from './certificates-repository.js';
import { evaluateRequirements, type RequirementResult } from './evaluate-requirements.js';
import type { Requirement } from './requirements.js';
import { courseRefs, withCourses, type RequirementView } from './scheme-view.js';
import { findLevel } from './schemes-repository.js';
import type { CertificateStatus } from './tables.js';

export interface ChecklistItem {
  met: boolean;
  note: string | null;
  checkedByName: string | null;
  checkedAt: Date;
}

export type RequirementStatus = RequirementView & {
  evaluation: Omit<RequirementResult, 'requirementId' | 'kind'>;
  check: ChecklistItem | null;
};

export interface ApplicationView {
  id: string;
  associationId: string;
  status: ApplicationRow['status'];
  scheme: { id: string; name: Translated };
  level: { id: string; name: Translated };
  applicant: { personId: string; fullName: string; nameLatin: string | null; email: string };
  experienceYears: number | null;
  statement: string | null;
  decisionReason: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  requirements: RequirementStatus[];
  documents: DocumentRow[];
  history: ApplicationEventRow[];
  certificate: { id: string; number: string; status: CertificateStatus } | null;
  /** The steps the caller may take now. */
  steps: ApplicationStep[];
  /** Whether the caller may change the details and documents now. */
  canEdit: boolean;
}

/** The requirements the application is judged on: fixed when it was first submitted, the level's current ones before. */
export async function requirementsOf(db: DbOrTx, application: Pick<ApplicationRow, 'requirements' | 'levelId'>): Promise<Requirement[]> {
  if (application.requirements) return application.requirements;
  return (await findLevel(db, application.levelId))?.requirements ?? [];
}

/** The application with what its requirements stand at, the checklist, documents, history and certificate. */
export async function applicationView(db: DbOrTx, access: Pick<ApplicationAccess, 'application' | 'isApplicant' | 'isReviewer'>, now = new Date()): Promise<ApplicationView> {
  const { application: a } = access;
  const requirements = await requirementsOf(db, a);
  const [records, checks, documents, history, certificate] = await Promise.all([
    applicantRecords(db, a),
    checksOf(db, a.id),
    documentsOf(db, a.id),
    eventsOf(db, a.id),
    certificateOfApplication(db, a.id),
  ]);
  const results = evaluateRequirements(requirements, records, { schemeId: a.schemeId, levelId: a.levelId, asOf: a.decidedAt ?? now });
  const refs = await courseRefs(
    db,
    requirements.flatMap((r) => (r.kind === 'courses' ? r.courseIds : [])),
  );
  const views = withCourses(requirements, refs);
  const steps = [...(access.isApplicant ? stepsFrom(a.status, 'applicant') : []), ...(access.isReviewer ? stepsFrom(a.status, 'reviewer') : [])];
  return {
    id: a.id,
    associationId: a.associationId,
    status: a.status,
    scheme: { id: a.schemeId, name: a.schemeName },
    level: { id: a.levelId, name: a.levelName },
    applicant: { personId: a.personId, fullName: a.fullName, nameLatin: a.nameLatin, email: a.applicantEmail },
    experienceYears: a.experienceYears,
    statement: a.statement,
    decisionReason: a.decisionReason,
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    requirements: views.map((view, i) => {
      const { requirementId: _id, kind: _kind, ...evaluation } = results[i]!;
      const check = checks.find((c) => c.requirementId === view.id);
      return {
        ...view,
        evaluation,
        check: check ? { met: check.met, note: check.note, checkedByName: check.checkedByName, checkedAt: check.checkedAt } : null,
      };
    }),
    documents,
    history,
    certificate: certificate ? { id: certificate.id, number: certificate.number, status: certificate.status } : null,
    steps,
    canEdit: access.isApplicant && applicantMayEdit(a.status),
  };
}
