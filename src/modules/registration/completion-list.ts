import type { Db, DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import type { SessionDetail } from '../events/get-session.js';
import { sessionForAttendance } from './attendance-access.js';
import { computeCompletions, type ComputedCompletion } from './completion-compute.js';
import type { TrainingMailDeps } from './completion-mail.js';
import { overrideReasons } from './completions-repository.js';

export interface ListCompletionsOptions {
  actor: AuthContext | null;
  sessionId: string;
  now: Date;
}

export interface CompletionItem {
  registrationId: string;
  fullName: string;
  nameLatin: string | null;
  ticketCode: string;
  attendedDays: number;
  attendancePercent: number;
  testScore: number | null;
  /** What the rule says. */
  computedCompleted: boolean;
  /** What is in force: the rule's answer, or the override. */
  completed: boolean;
  overridden: boolean;
  overrideReason: string | null;
  verificationCode: string;
  updatedAt: Date;
}

export interface CompletionList {
  session: SessionDetail;
  dayCount: number;
  canManage: boolean;
  items: CompletionItem[];
}

export async function completionItems(db: DbOrTx, computed: ComputedCompletion[], now: Date): Promise<CompletionItem[]> {
  const reasons = await overrideReasons(
    db,
    computed.filter((c) => c.record?.overridden).map((c) => c.registrationId),
  );
  return computed.map((c) => ({
    registrationId: c.registrationId,
    fullName: c.fullName,
    nameLatin: c.nameLatin,
    ticketCode: c.ticketCode,
    attendedDays: c.attendedDays,
    attendancePercent: c.attendancePercent,
    testScore: c.testScore,
    computedCompleted: c.computedCompleted,
    completed: c.record?.completed ?? false,
    overridden: c.record?.overridden ?? false,
    overrideReason: reasons.get(c.registrationId) ?? null,
    verificationCode: c.record?.verificationCode ?? '',
    updatedAt: c.record?.updatedAt ?? now,
  }));
}

/**
 * The session's completion records, computed afresh from attendance and test results (so the list
 * is never behind), with the overrides in force and their reasons.
 */
export async function listCompletions(db: Db, deps: TrainingMailDeps, options: ListCompletionsOptions): Promise<CompletionList> {
  const { auth, session, staff } = await sessionForAttendance(db, options.actor, options.sessionId, 'record');
  const items = await db.transaction(async (tx) => {
    const computed = await computeCompletions(tx, deps, { session, actorId: auth.user.id, now: options.now });
    return completionItems(tx, computed, options.now);
  });
  return { session, dayCount: session.days.length, canManage: staff, items };
}
