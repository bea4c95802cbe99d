import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { cleanText } from '../../platform/field-problems.js';
import { sessionForAttendance } from './attendance-access.js';
import { computeCompletions } from './completion-compute.js';
import { completionItems, type CompletionItem } from './completion-list.js';
import type { TrainingMailDeps } from './completion-mail.js';
import { REASON_MAX } from './completion-override.js';
import { appendHistory, writeCompletions } from './completions-repository.js';

export interface RemoveOverrideOptions {
  actor: AuthContext | null;
  sessionId: string;
  registrationId: string;
  /** Optional: why the decision is taken back. */
  reason?: string | null;
  now: Date;
}

/** Takes back an override: the rule decides again, at once, and the history says who took it back. */
export async function removeCompletionOverride(db: Db, deps: TrainingMailDeps, options: RemoveOverrideOptions): Promise<CompletionItem> {
  const { auth, session } = await sessionForAttendance(db, options.actor, options.sessionId, 'manage');
  const reason = cleanText(options.reason ?? null) ?? '';
  if (reason.length > REASON_MAX) throw fieldError('reason', 'too_long', { max: REASON_MAX });
  return db.transaction(async (tx) => {
    const ids = [options.registrationId];
    const [current] = await computeCompletions(tx, deps, { session, registrationIds: ids, actorId: auth.user.id, now: options.now });
    if (!current?.record) throw fieldError('registrationId', 'attendance_not_confirmed');
    if (!current.record.overridden) throw new AppError('conflict', { messageKey: 'registration.completion.not_overridden' });
    await writeCompletions(tx, [{ registrationId: current.registrationId, ...current.record, overridden: false }]);
    await appendHistory(tx, [{ registrationId: current.registrationId, completed: current.record.completed, kind: 'override_removed', reason, actorId: auth.user.id }]);
    const [recomputed] = await computeCompletions(tx, deps, { session, registrationIds: ids, actorId: auth.user.id, now: options.now });
    const [item] = await completionItems(tx, [recomputed!], options.now);
    return item!;
  });
}
