import type { Db } from '../../db/client.js';
import { loadSessionFacts } from '../events/get-session.js';
import { computeCompletions } from './completion-compute.js';
import type { TrainingMailDeps } from './completion-mail.js';
import { sessionsWithCompletionMailDue } from './completions-repository.js';

/** Completion mails still go out this long after a session's last day; older sessions are left alone. */
const CATCH_UP_DAYS = 60;

/**
 * Completion mails for those who completed before the session's last day began (they are held
 * until then): each such session is computed again, which mails whoever has not had it.
 */
export async function queueDueCompletionMails(db: Db, deps: TrainingMailDeps, now: Date): Promise<{ sessions: number }> {
  const since = new Date(now.getTime() - CATCH_UP_DAYS * 86_400_000);
  const due = await sessionsWithCompletionMailDue(db, now, since);
  for (const id of due) {
    const session = await loadSessionFacts(db, id);
    if (!session) continue;
    await db.transaction((tx) => computeCompletions(tx, deps, { session, actorId: null, now }));
  }
  return { sessions: due.length };
}
