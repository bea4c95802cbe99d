import type { Translated } from '../catalogue/types.js';

export const SCHEME_STATUSES = ['draft', 'open', 'closed'] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];
export const REQUIREMENT_KINDS = ['courses', 'cpd_credits', 'exam', 'experience', 'document'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];
export const DOCUMENT_TYPES = ['diploma', 'cv', 'employer_letter', 'identity_document', 'training_certificate', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_review', 'needs_info', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const CERTIFICATE_STATUSES = ['active', 'suspended', 'revoked', 'expired'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const REASON_CATEGORIES = ['misconduct', 'false_information', 'holder_request', 'administrative_error', 'other'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];
export type ApplicationStep = 'submit' | 'start_review' | 'request_info' | 'approve' | 'reject';

export interface Requirement {
  id: string;
  kind: RequirementKind;
  courseIds?: string[];
  credits?: number;
  windowYears?: number | null;
  examName?: string;
  years?: number;
  documentType?: DocumentType;
  courses?: Array<{ id: string; code: string; title: Translated; cpdCredits: number }>;
}

export interface Level {
  id: string;
  position: number;
  name: Translated;
  requirements: Requirement[];
}

export interface Scheme {
  id: string;
  associationId: string;
  name: Translated;
  description: Translated;
  numberPrefix: string;
  validityYears: number;
  renewalCpdCredits: number;
  fee: { amount: number; currency: string } | null;
  certificateLocales: string[];
  status: SchemeStatus;
  levels: Level[];
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationSummary {
  id: string;
  associationId: string;
  status: ApplicationStatus;
  scheme: { id: string; name: Translated };
  level: { id: string; name: Translated };
  applicant: { personId: string; fullName: string; nameLatin: string | null };
  submittedAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RequirementStatus extends Requirement {
  evaluation: { met: boolean; have: number; need: number; missingCourseIds: string[] };
  check: { met: boolean; note: string | null; checkedByName: string | null; checkedAt: string } | null;
}

export interface Application extends ApplicationSummary {
  applicant: { personId: string; fullName: string; nameLatin: string | null; email: string };
  experienceYears: number | null;
  statement: string | null;
  decisionReason: string | null;
  requirements: RequirementStatus[];
  documents: Array<{ id: string; documentType: DocumentType; fileName: string; contentType: string; size: number; uploadedAt: string; downloadUrl: string }>;
  history: Array<{ id: string; at: string; actorName: string | null; action: string; note: string | null }>;
  certificate: { id: string; number: string; status: CertificateStatus } | null;
  steps: ApplicationStep[];
  canEdit: boolean;
}

export interface Certificate {
  id: string;
  associationId: string;
  number: string;
  verificationCode: string;
  status: CertificateStatus;
  holder: { personId: string; name: string; nameLatin: string | null };
  scheme: { id: string; name: Translated };
  level: { id: string; name: Translated };
  issuedOn: string;
  validUntil: string;
  origin: 'application' | 'renewal' | 'reissue';
  applicationId: string | null;
  replaces: { id: string; number: string } | null;
  replacedBy: { id: string; number: string } | null;
  statusReasonCategory: string | null;
  statusReason: string | null;
  statusChangedAt: string | null;
  createdAt: string;
}

export interface CertificateDetail extends Certificate {
  history: Array<{ id: string; at: string; actorName: string | null; action: string; reasonCategory: string | null; note: string | null }>;
}
