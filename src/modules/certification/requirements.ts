/** What an applicant must show for a level of a scheme. Kept as JSON on the level; each has a stable id for the checklist. */

export const DOCUMENT_TYPES = ['diploma', 'cv', 'employer_letter', 'identity_document', 'training_certificate', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const REQUIREMENT_KINDS = ['courses', 'cpd_credits', 'exam', 'experience', 'document'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

export type Requirement =
  /** Every one of these catalogue courses completed. */
  | { id: string; kind: 'courses'; courseIds: string[] }
  /** At least `credits` CPD credits from completed courses, within the last `windowYears` (null: at any time). */
  | { id: string; kind: 'cpd_credits'; credits: number; windowYears: number | null }
  /** A passed result of the named exam for this scheme and level, entered by an assessor. */
  | { id: string; kind: 'exam'; examName: string }
  /** At least this many years of professional experience, as the applicant states them. */
  | { id: string; kind: 'experience'; years: number }
  /** A document of this type uploaded with the application. */
  | { id: string; kind: 'document'; documentType: DocumentType };

/** A requirement as it is sent in: the id is kept when it names one the level already has. */
export interface RequirementInput {
  id?: string;
  kind: RequirementKind;
  courseIds?: string[];
  credits?: number;
  windowYears?: number | null;
  examName?: string;
  years?: number;
  documentType?: DocumentType;
}
