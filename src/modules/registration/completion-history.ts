import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { fieldError } from '../../platform/errors.js';
import { sessionForAttendance } from './attendance-access.js';
import { findAttendee } from './attendance-repository.js';
import { historyOf, type HistoryEntry } from './completions-repository.js';

export interface CompletionHistoryOptions {
  actor: AuthContext | null;
  sessionId: string;
  registrationId: string;
}

/** Every change of a registrant's completion, newest first: computed changes and overrides, with who and when. */
export async function getCompletionHistory(db: Db, options: CompletionHistoryOptions): Promise<HistoryEntry[]> {
  const { session } = await sessionForAttendance(db, options.actor, options.sessionId, 'record');
  const attendee = await findAttendee(db, options.registrationId);
  if (!attendee || attendee.sessionId !== session.id) throw fieldError('registrationId', 'attendance_not_confirmed');
  return historyOf(db, attendee.registrationId);
}
