import { AppError } from '../../platform/errors.js';
import type { ApplicationStatus } from './tables.js';

export const APPLICATION_STEPS = ['submit', 'start_review', 'request_info', 'approve', 'reject'] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

interface Transition {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  /** Who takes the step: the applicant, or an assessor (or staff) of the scheme's association. */
  by: 'applicant' | 'reviewer';
}

/**
 * The status machine: draft → submitted → in_review → needs_info → submitted … → approved | rejected.
 * A decision is final; a rejected applicant may apply again with a new application.
 */
export const TRANSITIONS: Readonly<Record<ApplicationStep, Transition>> = {
  submit: { from: ['draft', 'needs_info'], to: 'submitted', by: 'applicant' },
  start_review: { from: ['submitted'], to: 'in_review', by: 'reviewer' },
  request_info: { from: ['in_review'], to: 'needs_info', by: 'reviewer' },
  approve: { from: ['in_review'], to: 'approved', by: 'reviewer' },
  reject: { from: ['in_review'], to: 'rejected', by: 'reviewer' },
};

/** The status a step leads to from `from`; a step the machine does not allow is refused with a localised conflict. */
export function nextStatus(from: ApplicationStatus, step: ApplicationStep): ApplicationStatus {
  const transition = TRANSITIONS[step];
  if (!transition.from.includes(from)) {
    throw new AppError('conflict', { messageKey: 'certification.errors.transition', values: { status: from, step } });
  }
  return transition.to;
}

/** The steps open from a status, for the one who may take them. */
export function stepsFrom(status: ApplicationStatus, by: Transition['by']): ApplicationStep[] {
  return APPLICATION_STEPS.filter((step) => TRANSITIONS[step].by === by && TRANSITIONS[step].from.includes(status));
}

/** The applicant may change the application (details, documents) only while it is in their hands. */
export function applicantMayEdit(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'needs_info';
}
