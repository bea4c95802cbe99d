import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { AppError } from '../errors.js';
import { findJob, insertJob } from './repository.js';
import { jobProgress, resumeJobs, startJob, type JobHandlers } from './runner.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table job_test_rows (n int not null)`);
});
afterAll(async () => database.destroy());

const queued = (kind: string, total = 3) =>
  insertJob(database.db, { associationId: null, kind, status: 'queued', total, input: { n: total }, createdBy: null });

async function rowCount(): Promise<number> {
  const result = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from job_test_rows`);
  const rows = (Array.isArray(result) ? result : (result as { rows: Array<{ n: number }> }).rows) as Array<{ n: number }>;
  return rows[0]!.n;
}

describe('job runner', () => {
  it('runs the work in one transaction, reports progress while it runs, and records the result', async () => {
    const seen: Array<number | null> = [];
    const handlers: JobHandlers = {
      count: async ({ tx, job, progress }) => {
        for (let i = 1; i <= (job.input as { n: number }).n; i++) {
          await tx.execute(sql`insert into job_test_rows values (${i})`);
          progress(i);
          seen.push(jobProgress(job.id));
        }
        return { created: 3, skipped: 0 };
      },
    };
    const job = await queued('count');
    await startJob(database.db, job.id, handlers);
    expect(seen).toEqual([1, 2, 3]);
    expect(jobProgress(job.id)).toBeNull();
    expect(await findJob(database.db, job.id)).toMatchObject({ status: 'done', processed: 3, result: { created: 3, skipped: 0 }, error: null });
    expect(await rowCount()).toBe(3);
  });

  it('rolls the work back and records the error code when the work fails', async () => {
    const before = await rowCount();
    const handlers: JobHandlers = {
      fail: async ({ tx }) => {
        await tx.execute(sql`insert into job_test_rows values (99)`);
        throw new AppError('conflict');
      },
    };
    const job = await queued('fail');
    await startJob(database.db, job.id, handlers);
    expect(await findJob(database.db, job.id)).toMatchObject({ status: 'failed', error: 'conflict', result: null });
    expect(await rowCount()).toBe(before);
  });

  it('takes up queued and interrupted jobs at start, and leaves previews and finished jobs alone', async () => {
    const ran: string[] = [];
    const handlers: JobHandlers = {
      note: async ({ job }) => {
        ran.push(job.id);
        return { created: 0, skipped: 0 };
      },
    };
    const waiting = await queued('note');
    const interrupted = await insertJob(database.db, { associationId: null, kind: 'note', status: 'running', total: 0, input: {}, createdBy: null });
    await insertJob(database.db, { associationId: null, kind: 'note', status: 'preview', total: 0, input: {}, createdBy: null });
    await insertJob(database.db, { associationId: null, kind: 'note', status: 'done', total: 0, input: {}, createdBy: null });
    const unknown = await queued('someone_elses_kind');

    expect((await resumeJobs(database.db, handlers)).sort()).toEqual([waiting.id, interrupted.id].sort());
    expect(ran.sort()).toEqual([waiting.id, interrupted.id].sort());
    expect((await findJob(database.db, unknown.id))!.status).toBe('queued');
    expect(await resumeJobs(database.db, handlers)).toEqual([]);
  });
});
