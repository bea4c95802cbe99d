import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { cleanText } from '../../platform/field-problems.js';
import { fieldError } from '../../platform/errors.js';
import { sessionForAttendance } from './attendance-access.js';
import { computeCompletions, mailNewCompleters } from './completion-compute.js';
import { completionItems, type CompletionItem } from './completion-list.js';
import type { TrainingMailDeps } from './completion-mail.js';
import { appendHistory, writeCompletions } from './completions-repository.js';

export const REASON_MAX = 1000;

export interface OverrideCompletionOptions {
  actor: AuthContext | null;
  sessionId: string;
  registrationId: string;
  completed: boolean;
  reason: string;
  now: Date;
}

/**
 * Staff decide a registrant's completion against the rule, giving a reason. The decision is kept
 * in the history with who made it, and stays in force through every later computation until it is
 * removed. Overriding to "not completed" withdraws a certificate already issued.
 */
export async function overrideCompletion(db: Db, deps: TrainingMailDeps, options: OverrideCompletionOptions): Promise<CompletionItem> {
  const { auth, session } = await sessionForAttendance(db, options.actor, options.sessionId, 'manage');
  const reason = cleanText(options.reason);
  if (!reason) throw fieldError('reason', 'required');
  if (reason.length > REASON_MAX) throw fieldError('reason', 'too_long', { max: REASON_MAX });
  return db.transaction(async (tx) => {
    const [current] = await computeCompletions(tx, deps, { session, registrationIds: [options.registrationId], actorId: auth.user.id, now: options.now });
    if (!current?.record) throw fieldError('registrationId', 'attendance_not_confirmed');
    const record = { ...current.record, completed: options.completed, overridden: true, updatedAt: options.now };
    await writeCompletions(tx, [{ registrationId: current.registrationId, ...record }]);
    await appendHistory(tx, [{ registrationId: current.registrationId, completed: options.completed, kind: 'override', reason, actorId: auth.user.id }]);
    const updated = { ...current, record };
    await mailNewCompleters(tx, deps, session, [updated], options.now);
    const [item] = await completionItems(tx, [updated], options.now);
    return item!;
  });
}
