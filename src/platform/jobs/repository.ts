import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { jobs, type JobStatus } from './tables.js';

/** A job without its input, which can be large (an import's checked rows). */
export type JobState = Omit<JobRow, 'input'>;

export interface JobRow {
  id: string;
  associationId: string | null;
  kind: string;
  status: JobStatus;
  total: number;
  processed: number;
  input: unknown;
  result: unknown;
  error: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const stateColumns = {
  id: jobs.id,
  associationId: jobs.associationId,
  kind: jobs.kind,
  status: jobs.status,
  total: jobs.total,
  processed: jobs.processed,
  result: jobs.result,
  error: jobs.error,
  createdBy: jobs.createdBy,
  createdAt: jobs.createdAt,
  updatedAt: jobs.updatedAt,
};

const columns = { ...stateColumns, input: jobs.input };

export interface NewJob {
  associationId: string | null;
  kind: string;
  status: JobStatus;
  total: number;
  input: unknown;
  createdBy: string | null;
}

export async function insertJob(db: DbOrTx, job: NewJob): Promise<JobState> {
  const rows = await db.insert(jobs).values(job).returning(stateColumns);
  return rows[0]!;
}

export async function findJobState(db: DbOrTx, id: string): Promise<JobState | null> {
  const rows = await db.select(stateColumns).from(jobs).where(eq(jobs.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findJob(db: DbOrTx, id: string): Promise<JobRow | null> {
  const rows = await db.select(columns).from(jobs).where(eq(jobs.id, id)).limit(1);
  return rows[0] ?? null;
}

export interface JobChanges {
  total?: number;
  processed?: number;
  result?: unknown;
  error?: string | null;
  /** Keys merged into the stored input on the server, so a large input does not travel back and forth. */
  inputPatch?: Record<string, unknown>;
}

/** Moves a job from one status to another; null when it was not in `from` (someone else moved it). */
export async function transitionJob(
  db: DbOrTx,
  id: string,
  from: readonly JobStatus[],
  to: JobStatus,
  changes: JobChanges = {},
): Promise<JobState | null> {
  const { inputPatch, ...values } = changes;
  const rows = await db
    .update(jobs)
    .set({
      ...values,
      ...(inputPatch ? { input: sql`${jobs.input} || ${JSON.stringify(inputPatch)}::jsonb` } : {}),
      status: to,
      updatedAt: sql`now()`,
    })
    .where(and(eq(jobs.id, id), inArray(jobs.status, [...from])))
    .returning(stateColumns);
  return rows[0] ?? null;
}

/** Jobs that were accepted but did not finish: queued, or running when the server stopped. */
export async function unfinishedJobs(db: DbOrTx): Promise<Array<{ id: string; kind: string }>> {
  return db
    .select({ id: jobs.id, kind: jobs.kind })
    .from(jobs)
    .where(inArray(jobs.status, ['queued', 'running']))
    .orderBy(jobs.createdAt);
}

/**
 * Takes the job's lock for the rest of the transaction without waiting: false when another
 * process is running it. The lock goes with the connection, so a crashed runner leaves none.
 */
export async function tryLockJob(db: DbOrTx, id: string): Promise<boolean> {
  const result = await db.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(hashtextextended(${id}, 7304)) as locked`);
  const rows = Array.isArray(result) ? (result as Array<{ locked: boolean }>) : (result as { rows: Array<{ locked: boolean }> }).rows;
  return rows[0]?.locked === true;
}

/** Replaces a job's input, e.g. to drop the personal data an import no longer needs once written. */
export async function replaceJobInput(db: DbOrTx, id: string, input: unknown): Promise<void> {
  await db.update(jobs).set({ input, updatedAt: sql`now()` }).where(eq(jobs.id, id));
}

/** Deletes previews of a kind that nobody committed within `hours`; returns how many. */
export async function deleteStalePreviews(db: DbOrTx, kind: string, hours: number): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(and(eq(jobs.kind, kind), eq(jobs.status, 'preview'), lt(jobs.createdAt, sql`now() - make_interval(hours => ${hours})`)))
    .returning({ id: jobs.id });
  return rows.length;
}
