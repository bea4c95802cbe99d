import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { fieldError } from '../../platform/errors.js';
import { sessionForAttendance } from './attendance-access.js';
import { deleteTestResult, findAttendee, writeTestResult } from './attendance-repository.js';
import { computeCompletions } from './completion-compute.js';
import type { TrainingMailDeps } from './completion-mail.js';

export interface RecordTestResultOptions {
  actor: AuthContext | null;
  sessionId: string;
  registrationId: string;
  /** 0–100; null removes a result entered by mistake. */
  score: number | null;
  now: Date;
}

export interface RecordedTestResult {
  registrationId: string;
  score: number | null;
  completed: boolean;
}

/** The trainer enters (or corrects) a registrant's final test result; the completion follows it. */
export async function recordTestResult(db: Db, deps: TrainingMailDeps, options: RecordTestResultOptions): Promise<RecordedTestResult> {
  const { auth, session } = await sessionForAttendance(db, options.actor, options.sessionId, 'record');
  const { score } = options;
  if (score !== null && !(score >= 0 && score <= 100)) throw fieldError('score', 'attendance_score');
  return db.transaction(async (tx) => {
    const attendee = await findAttendee(tx, options.registrationId);
    if (!attendee || attendee.sessionId !== session.id || attendee.status !== 'confirmed') throw fieldError('registrationId', 'attendance_not_confirmed');
    if (score === null) await deleteTestResult(tx, attendee.registrationId);
    else await writeTestResult(tx, attendee.registrationId, Math.round(score * 100) / 100, auth.user.id);
    const [completion] = await computeCompletions(tx, deps, { session, registrationIds: [attendee.registrationId], actorId: auth.user.id, now: options.now });
    return { registrationId: attendee.registrationId, score, completed: completion?.record?.completed ?? false };
  });
}
