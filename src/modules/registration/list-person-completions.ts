import type { DbOrTx } from '../../db/client.js';
import { completedSessionsOf } from './person-completions-repository.js';

/** One completed training session of a person: which course it taught, and when it ended. */
export interface PersonCompletion {
  sessionId: string;
  courseId: string;
  completedAt: Date;
}

/**
 * The training sessions a person completed, oldest first: what certification counts as completed
 * courses and CPD credits. No access check: the caller has decided the reader may know this
 * person's record (the person themselves, or staff assessing them).
 */
export async function listPersonCompletions(db: DbOrTx, personId: string): Promise<PersonCompletion[]> {
  const rows = await completedSessionsOf(db, [personId]);
  return rows.map(({ sessionId, courseId, completedAt }) => ({ sessionId, courseId, completedAt }));
}
