import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { APPLICATION_STEPS, nextStatus, stepsFrom } from './application-transitions.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from './tables.js';

const allowed: Record<string, ApplicationStatus> = {
  'draft submit': 'submitted',
  'needs_info submit': 'submitted',
  'submitted start_review': 'in_review',
  'in_review request_info': 'needs_info',
  'in_review approve': 'approved',
  'in_review reject': 'rejected',
};

describe('the application status machine', () => {
  it('allows exactly the listed steps and refuses every other one with a conflict', () => {
    for (const status of APPLICATION_STATUSES) {
      for (const step of APPLICATION_STEPS) {
        const key = `${status} ${step}`;
        if (allowed[key]) {
          expect(nextStatus(status, step), key).toBe(allowed[key]);
        } else {
          let error: unknown;
          try {
            nextStatus(status, step);
          } catch (caught) {
            error = caught;
          }
          expect(error, key).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('conflict');
          expect((error as AppError).details).toMatchObject({ messageKey: 'certification.errors.transition', values: { status, step } });
        }
      }
    }
  });

  it('ends with a decision: nothing leads out of approved or rejected', () => {
    expect(stepsFrom('approved', 'reviewer')).toEqual([]);
    expect(stepsFrom('rejected', 'applicant')).toEqual([]);
    expect(stepsFrom('in_review', 'reviewer')).toEqual(['request_info', 'approve', 'reject']);
    expect(stepsFrom('needs_info', 'applicant')).toEqual(['submit']);
  });
});
