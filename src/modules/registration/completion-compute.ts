import type { DbOrTx } from '../../db/client.js';
import type { SessionFacts } from '../events/get-session.js';
import { newVerificationCode } from './completion-code.js';
import { completionMailsOpen, queueCompletionMails, type TrainingMailDeps } from './completion-mail.js';
import { attendancePercent, meetsRule } from './completion-rule.js';
import {
  appendHistory,
  completionFactsOfSession,
  countUnrecordedCompletions,
  lockSessionCompletions,
  recomputeCompletionsInBulk,
  writeCompletions,
  type CompletionFactsRow,
  type CompletionWrite,
  type HistoryWrite,
} from './completions-repository.js';

export interface ComputeCompletionsOptions {
  session: SessionFacts;
  /** Only these registrations (after one registrant's attendance changed); default every confirmed one. */
  registrationIds?: string[];
  /** Who made the change that led to this computation; recorded with each change it causes. */
  actorId: string | null;
  now: Date;
  /**
   * Queue the completion mails due (default). A bulk import leaves them to the background pass, so
   * its transaction holds only the marks and the records.
   */
  mail?: boolean;
}

/** A registration's completion as the rule computes it, beside the record in force. */
export interface ComputedCompletion extends CompletionFactsRow {
  attendancePercent: number;
  computedCompleted: boolean;
}

/**
 * Evaluates the session's completion rule and stores the result, inside the caller's transaction.
 * An override stays in force (its percentage is still kept current); each change of the computed
 * status is written to the history. Once the session's last day has begun, those who completed
 * and have not had it yet get the completion mail with their certificate link.
 */
export async function computeCompletions(db: DbOrTx, deps: TrainingMailDeps, options: ComputeCompletionsOptions): Promise<ComputedCompletion[]> {
  const { session } = options;
  await lockSessionCompletions(db, session.id);
  const facts = await completionFactsOfSession(db, session.id, options.registrationIds);
  const writes: CompletionWrite[] = [];
  const history: HistoryWrite[] = [];
  const result = facts.map((row): ComputedCompletion => {
    const decision = decide(row, session, options.actorId);
    if (decision.history) history.push(decision.history);
    if (!decision.write) return { ...row, attendancePercent: decision.percent, computedCompleted: decision.computed };
    writes.push(decision.write);
    const { completed, overridden, attendancePercent, verificationCode } = decision.write;
    return {
      ...row,
      attendancePercent,
      computedCompleted: decision.computed,
      record: { completed, overridden, attendancePercent, verificationCode, mailed: row.record?.mailed ?? false, updatedAt: options.now },
    };
  });
  await writeCompletions(db, writes);
  await appendHistory(db, history);
  if (options.mail !== false) await mailNewCompleters(db, deps, session, result, options.now);
  return result;
}

/**
 * Evaluates the rule for every confirmed registration of the session and stores what changed, as
 * computeCompletions does, in one statement and without mail: for a change to a whole session at
 * once, such as a sheet import. Returns how many records were written.
 */
export async function recomputeSessionCompletions(db: DbOrTx, session: SessionFacts, actorId: string | null): Promise<number> {
  await lockSessionCompletions(db, session.id);
  const codes = Array.from({ length: await countUnrecordedCompletions(db, session.id) }, newVerificationCode);
  const rule = {
    dayCount: session.days.length,
    minAttendancePercent: session.minAttendancePercent,
    requiresFinalTest: session.requiresFinalTest,
    minTestScore: session.minTestScore,
  };
  return recomputeCompletionsInBulk(db, { sessionId: session.id, rule, actorId, codes });
}

interface Decision {
  percent: number;
  computed: boolean;
  /** The record to store, when it is new or differs from the stored one. */
  write: CompletionWrite | null;
  /** The change of status to record, when the status changes. */
  history: HistoryWrite | null;
}

/**
 * The rule's verdict for one registration against its stored record. An override stays in force
 * (its percentage is still kept current); a change of status is recorded in the history.
 */
function decide(row: CompletionFactsRow, session: SessionFacts, actorId: string | null): Decision {
  const dayCount = session.days.length;
  const rule = { minAttendancePercent: session.minAttendancePercent, requiresFinalTest: session.requiresFinalTest, minTestScore: session.minTestScore };
  const percent = attendancePercent(row.attendedDays, dayCount);
  const computed = meetsRule(rule, { attendedDays: row.attendedDays, dayCount, testScore: row.testScore });
  const before = row.record;
  const overridden = before?.overridden ?? false;
  const completed = overridden ? before!.completed : computed;
  if (before && before.completed === completed && before.attendancePercent === percent) return { percent, computed, write: null, history: null };
  const verificationCode = before?.verificationCode ?? newVerificationCode();
  return {
    percent,
    computed,
    write: { registrationId: row.registrationId, completed, attendancePercent: percent, overridden, verificationCode },
    history: (before?.completed ?? false) !== completed ? { registrationId: row.registrationId, completed, kind: 'computed', reason: 'computed', actorId } : null,
  };
}

/** Sends the completion mail to those who completed and have not had it, once the session's last day has begun. */
export async function mailNewCompleters(db: DbOrTx, deps: TrainingMailDeps, session: SessionFacts, rows: CompletionFactsRow[], now: Date): Promise<void> {
  if (!completionMailsOpen(session, now)) return;
  const due = rows.filter((r) => r.record?.completed && !r.record.mailed);
  await queueCompletionMails(
    db,
    deps,
    session,
    due.map((r) => ({ ...r, verificationCode: r.record!.verificationCode })),
  );
  for (const r of due) r.record!.mailed = r.email !== null;
}
