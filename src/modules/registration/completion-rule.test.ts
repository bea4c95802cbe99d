import { describe, expect, it } from 'vitest';
import { attendancePercent, meetsRule } from './completion-rule.js';

const rule = { minAttendancePercent: 80, requiresFinalTest: false, minTestScore: null };

describe('completion rule', () => {
  it('completes at exactly the threshold and not a day short of it', () => {
    expect(meetsRule(rule, { attendedDays: 80, dayCount: 100, testScore: null })).toBe(true);
    expect(meetsRule(rule, { attendedDays: 79, dayCount: 100, testScore: null })).toBe(false);
    expect(meetsRule(rule, { attendedDays: 4, dayCount: 5, testScore: null })).toBe(true);
    expect(meetsRule(rule, { attendedDays: 3, dayCount: 5, testScore: null })).toBe(false);
  });

  it('compares exact fractions, not rounded percentages', () => {
    // 2 of 3 days is 66.67 %: short of 67 %, though it rounds to 67.
    expect(meetsRule({ ...rule, minAttendancePercent: 67 }, { attendedDays: 2, dayCount: 3, testScore: null })).toBe(false);
    expect(meetsRule({ ...rule, minAttendancePercent: 66 }, { attendedDays: 2, dayCount: 3, testScore: null })).toBe(true);
    expect(attendancePercent(2, 3)).toBe(66);
    expect(attendancePercent(19, 24)).toBe(79);
    expect(meetsRule(rule, { attendedDays: 19, dayCount: 24, testScore: null })).toBe(false);
  });

  it('requires a passing final test result when the session asks for one', () => {
    const withTest = { minAttendancePercent: 80, requiresFinalTest: true, minTestScore: 60 };
    expect(meetsRule(withTest, { attendedDays: 5, dayCount: 5, testScore: null })).toBe(false);
    expect(meetsRule(withTest, { attendedDays: 5, dayCount: 5, testScore: 59.99 })).toBe(false);
    expect(meetsRule(withTest, { attendedDays: 5, dayCount: 5, testScore: 60 })).toBe(true);
    expect(meetsRule(withTest, { attendedDays: 3, dayCount: 5, testScore: 100 })).toBe(false);
    expect(meetsRule({ ...withTest, minTestScore: null }, { attendedDays: 5, dayCount: 5, testScore: 0 })).toBe(true);
  });

  it('never completes a session without days', () => {
    expect(meetsRule({ ...rule, minAttendancePercent: 0 }, { attendedDays: 0, dayCount: 0, testScore: null })).toBe(false);
    expect(attendancePercent(0, 0)).toBe(0);
  });
});
