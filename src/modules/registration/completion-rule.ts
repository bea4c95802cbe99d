/** A session's completion rule, as staff set it on the session. */
export interface CompletionRule {
  minAttendancePercent: number;
  requiresFinalTest: boolean;
  /** Null with a required test: any entered result passes. */
  minTestScore: number | null;
}

export interface CompletionFacts {
  attendedDays: number;
  dayCount: number;
  /** The final test result, or null when none was entered. */
  testScore: number | null;
}

/** The share of days attended, rounded down so a certificate never claims more than happened. */
export function attendancePercent(attendedDays: number, dayCount: number): number {
  if (dayCount <= 0) return 0;
  return Math.floor((attendedDays * 100) / dayCount);
}

/**
 * Whether the rule is met. Attendance compares exact fractions (2 of 3 days is 66.67 %, short of a
 * 67 % rule), never a rounded percentage; a session without days cannot be completed. A whole
 * session is evaluated by the same rule in SQL (recomputeCompletionsInBulk); change both together,
 * completion-bulk.db.test.ts holds them to the same answers.
 */
export function meetsRule(rule: CompletionRule, facts: CompletionFacts): boolean {
  if (facts.dayCount <= 0) return false;
  if (facts.attendedDays * 100 < rule.minAttendancePercent * facts.dayCount) return false;
  if (!rule.requiresFinalTest) return true;
  if (facts.testScore === null) return false;
  return facts.testScore >= (rule.minTestScore ?? 0);
}
