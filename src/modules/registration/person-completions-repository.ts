import { and, eq, inArray, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { sessionDays, trainingSessions } from '../events/tables.js';
import { completions, registrations } from './tables.js';

export interface PersonCompletionRow {
  personId: string;
  sessionId: string;
  courseId: string;
  /** The end of the session's last day. */
  completedAt: Date;
}

/** The sessions these people completed (confirmed registrations whose completion record says so), with their course. */
export async function completedSessionsOf(db: DbOrTx, personIds: string[]): Promise<PersonCompletionRow[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({
      personId: registrations.personId,
      sessionId: trainingSessions.id,
      courseId: trainingSessions.courseId,
      completedAt: max(sessionDays.endsAt),
    })
    .from(completions)
    .innerJoin(registrations, eq(registrations.id, completions.registrationId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, registrations.sessionId))
    .innerJoin(sessionDays, eq(sessionDays.sessionId, trainingSessions.id))
    .where(and(inArray(registrations.personId, personIds), eq(completions.completed, true), eq(registrations.status, 'confirmed')))
    .groupBy(registrations.personId, trainingSessions.id, trainingSessions.courseId)
    .orderBy(max(sessionDays.endsAt));
  return rows.filter((r): r is PersonCompletionRow => r.completedAt !== null);
}
