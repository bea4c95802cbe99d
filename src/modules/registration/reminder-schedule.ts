import type { Db } from '../../db/client.js';
import type { ScheduledPass } from '../../platform/jobs/schedule.js';
import { queueDueCompletionMails } from './completion-mail-pass.js';
import type { TrainingMailDeps } from './completion-mail.js';
import { queueSessionReminders } from './reminder-pass.js';

/** Often enough that a reminder reaches people the evening before, whatever the zone. */
const EVERY_MS = 15 * 60_000;

/** The background passes of training delivery: reminders the day before, and completion mails held until the last day. */
export function trainingMailPasses(db: Db, deps: TrainingMailDeps): ScheduledPass[] {
  return [
    { name: 'session_reminders', everyMs: EVERY_MS, run: (now) => queueSessionReminders(db, deps, now) },
    { name: 'completion_mails', everyMs: EVERY_MS, run: (now) => queueDueCompletionMails(db, deps, now) },
  ];
}
