import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../errors.js';
import { findJob, transitionJob, tryLockJob, unfinishedJobs, type JobRow } from './repository.js';

/** What a job's work function gets: the transaction its writes go into, and a way to report progress. */
export interface JobContext {
  tx: Tx;
  job: JobRow;
  /** Rows (or items) done so far; readers see it through `jobProgress` while the transaction is open. */
  progress: (processed: number) => void;
}

export type JobResult = { created: number; skipped: number };
export type JobHandler = (context: JobContext) => Promise<JobResult>;
/** The work function for each job kind. */
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface JobLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

const silent: JobLog = { info: () => undefined, error: () => undefined };

interface LiveJob {
  processed: number;
  done: Promise<void>;
}

/**
 * Jobs running in this process. A job's writes are one transaction, so its progress cannot be read
 * from the table until it ends; it is kept here instead.
 */
const live = new Map<string, LiveJob>();

/** How far a job running in this process has got, or null when it is not running here. */
export function jobProgress(id: string): number | null {
  return live.get(id)?.processed ?? null;
}

function errorCode(error: unknown): string {
  return error instanceof AppError ? error.code : 'internal';
}

async function run(db: Db, id: string, handlers: JobHandlers, log: JobLog, entry: LiveJob): Promise<void> {
  const claimed = await transitionJob(db, id, ['queued', 'running'], 'running');
  if (!claimed) return;
  const handler = handlers[claimed.kind];
  if (!handler) {
    await transitionJob(db, id, ['running'], 'failed', { error: 'unknown_kind' });
    return;
  }
  try {
    const outcome = await db.transaction(async (tx) => {
      // Another process may be running it (several servers on one database): leave it to that one.
      if (!(await tryLockJob(tx, id))) return 'busy';
      const job = await findJob(tx, id);
      if (job?.status !== 'running') return 'finished elsewhere';
      const result = await handler({ tx, job, progress: (n) => (entry.processed = n) });
      // Done is written in the same transaction as the work, so a crash leaves the job to re-run whole.
      await transitionJob(tx, id, ['running'], 'done', { result, processed: job.total, error: null });
      return 'done';
    });
    log.info({ jobId: id, kind: claimed.kind, outcome }, 'job ended');
  } catch (error) {
    log.error({ err: error, jobId: id, kind: claimed.kind }, 'job failed');
    await transitionJob(db, id, ['running'], 'failed', { error: errorCode(error) });
  }
}

/**
 * Runs a queued job in the background. The promise settles when the job has ended (it never
 * rejects); calling it again for a job already running here returns the same promise.
 */
export function startJob(db: Db, id: string, handlers: JobHandlers, log: JobLog = silent): Promise<void> {
  const existing = live.get(id);
  if (existing) return existing.done;
  const entry: LiveJob = { processed: 0, done: Promise.resolve() };
  live.set(id, entry);
  entry.done = run(db, id, handlers, log, entry)
    .catch((error: unknown) => log.error({ err: error, jobId: id }, 'job could not be run'))
    .finally(() => live.delete(id));
  return entry.done;
}

/**
 * Called when the server starts: runs every job that was queued, or was running when the last
 * process stopped (its transaction was rolled back, so it re-runs cleanly). Resolves with the ids of
 * the jobs taken up, once they have all ended.
 */
export async function resumeJobs(db: Db, handlers: JobHandlers, log: JobLog = silent): Promise<string[]> {
  const pending = (await unfinishedJobs(db)).filter((job) => handlers[job.kind]);
  if (pending.length > 0) log.info({ jobs: pending.length }, 'resuming unfinished jobs');
  await Promise.all(pending.map((job) => startJob(db, job.id, handlers, log)));
  return pending.map((job) => job.id);
}
