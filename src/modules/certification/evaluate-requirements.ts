import type { DocumentType, Requirement, RequirementKind } from './requirements.js';

/** A completed training session's course, as the registration records tell it. */
export interface CompletedCourse {
  courseId: string;
  completedOn: Date;
  cpdCredits: number;
}

export interface ExamRecord {
  schemeId: string;
  levelId: string;
  examName: string;
  passed: boolean;
  score: number;
  takenOn: string;
}

/** What is known of an applicant: from their records, and what they stated and uploaded. */
export interface ApplicantRecords {
  completedCourses: CompletedCourse[];
  examResults: ExamRecord[];
  experienceYears: number | null;
  documentTypes: DocumentType[];
}

export interface RequirementResult {
  requirementId: string;
  kind: RequirementKind;
  met: boolean;
  /** What the records show, in the requirement's own unit (courses, credits, passed exams, years, documents). */
  have: number;
  need: number;
  /** For a courses requirement: those not completed yet. */
  missingCourseIds: string[];
}

export interface EvaluationContext {
  schemeId: string;
  levelId: string;
  /** CPD windows end here (the day of evaluation). */
  asOf: Date;
}

const tenths = (value: number) => Math.round(value * 10) / 10;

function yearsBefore(date: Date, years: number): Date {
  const start = new Date(date.getTime());
  start.setUTCFullYear(start.getUTCFullYear() - years);
  return start;
}

/**
 * CPD credits earned from `from` (exclusive) to `to` (inclusive); each course counts once, however
 * often it was completed, so repeating a course earns nothing more.
 */
export function cpdCreditsBetween(courses: readonly CompletedCourse[], from: Date | null, to: Date): number {
  const counted = new Map<string, number>();
  for (const c of courses) {
    if (c.completedOn > to || (from !== null && c.completedOn <= from)) continue;
    counted.set(c.courseId, c.cpdCredits);
  }
  return tenths([...counted.values()].reduce((sum, credits) => sum + credits, 0));
}

const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

function evaluateOne(requirement: Requirement, records: ApplicantRecords, context: EvaluationContext): RequirementResult {
  const base = { requirementId: requirement.id, kind: requirement.kind, missingCourseIds: [] as string[] };
  switch (requirement.kind) {
    case 'courses': {
      const done = new Set(records.completedCourses.filter((c) => c.completedOn <= context.asOf).map((c) => c.courseId));
      const missing = requirement.courseIds.filter((id) => !done.has(id));
      const need = requirement.courseIds.length;
      return { ...base, met: missing.length === 0, have: need - missing.length, need, missingCourseIds: missing };
    }
    case 'cpd_credits': {
      const from = requirement.windowYears === null ? null : yearsBefore(context.asOf, requirement.windowYears);
      const have = cpdCreditsBetween(records.completedCourses, from, context.asOf);
      return { ...base, met: have >= requirement.credits, have, need: requirement.credits };
    }
    case 'exam': {
      const wanted = normalName(requirement.examName);
      const passed = records.examResults.some(
        (r) => r.passed && r.schemeId === context.schemeId && r.levelId === context.levelId && normalName(r.examName) === wanted,
      );
      return { ...base, met: passed, have: passed ? 1 : 0, need: 1 };
    }
    case 'experience': {
      const have = records.experienceYears ?? 0;
      return { ...base, met: records.experienceYears !== null && have >= requirement.years, have, need: requirement.years };
    }
    case 'document': {
      const have = records.documentTypes.filter((t) => t === requirement.documentType).length;
      return { ...base, met: have > 0, have, need: 1 };
    }
  }
}

/** Which requirements the applicant's records already meet, one result per requirement in order. */
export function evaluateRequirements(
  requirements: readonly Requirement[],
  records: ApplicantRecords,
  context: EvaluationContext,
): RequirementResult[] {
  return requirements.map((requirement) => evaluateOne(requirement, records, context));
}
