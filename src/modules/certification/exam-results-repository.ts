import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../accounts/tables.js';
import { people } from '../people/tables.js';
import { examResults } from './tables.js';

export interface ExamResultValues {
  associationId: string;
  schemeId: string;
  levelId: string;
  personId: string;
  examName: string;
  score: number;
  passed: boolean;
  takenOn: string;
  /** Null for results carried over from before the platform (the demo's). */
  assessorId: string | null;
}

export interface ExamResultRow extends ExamResultValues {
  id: string;
  fullName: string;
  assessorName: string | null;
  createdAt: Date;
}

const columns = {
  id: examResults.id,
  associationId: examResults.associationId,
  schemeId: examResults.schemeId,
  levelId: examResults.levelId,
  personId: examResults.personId,
  examName: examResults.examName,
  score: examResults.score,
  passed: examResults.passed,
  takenOn: examResults.takenOn,
  assessorId: examResults.assessorId,
  fullName: people.fullName,
  assessorName: users.displayName,
  createdAt: examResults.createdAt,
};

export async function insertExamResult(db: DbOrTx, values: ExamResultValues): Promise<string> {
  const rows = await db.insert(examResults).values(values).returning({ id: examResults.id });
  return rows[0]!.id;
}

export async function listExamResultRows(db: DbOrTx, filter: { schemeId?: string; personId?: string }): Promise<ExamResultRow[]> {
  const conditions: SQL[] = [];
  if (filter.schemeId) conditions.push(eq(examResults.schemeId, filter.schemeId));
  if (filter.personId) conditions.push(eq(examResults.personId, filter.personId));
  return db
    .select(columns)
    .from(examResults)
    .innerJoin(people, eq(people.id, examResults.personId))
    .leftJoin(users, eq(users.id, examResults.assessorId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(examResults.takenOn), asc(examResults.id));
}
