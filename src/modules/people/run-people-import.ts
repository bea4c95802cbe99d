import type { Tx } from '../../db/client.js';
import { replaceJobInput } from '../../platform/jobs/repository.js';
import type { JobContext, JobHandlers, JobResult } from '../../platform/jobs/runner.js';
import type { ImportValues } from './import-rows.js';
import { nameSkeleton, searchKeyOf } from './name-skeleton.js';
import { personValues } from './person-values.js';
import { PEOPLE_IMPORT, type PeopleImportInput } from './preview-people-import.js';
import { analyzePeople, insertPeople, type PersonValues } from './repository.js';
import { insertOrganisation, organisationKeysOf } from './organisations-repository.js';

/** Rows per INSERT: large enough to be quick, small enough that progress moves while a big file is written. */
const BATCH = 1000;

/**
 * The employer column names organisations: an existing one of the association is matched by name in
 * either script, a new name creates the organisation (once, however many rows name it).
 */
async function employerIds(tx: Tx, associationId: string, rows: ImportValues[]): Promise<Map<string, string>> {
  const byKey = new Map<string, string>();
  for (const org of await organisationKeysOf(tx, associationId)) {
    for (const name of [org.name, org.nameLatin]) {
      const key = nameSkeleton(name);
      if (key && !byKey.has(key)) byKey.set(key, org.id);
    }
  }
  const ids = new Map<string, string>();
  for (const row of rows) {
    if (!row.employer || ids.has(row.employer)) continue;
    const key = nameSkeleton(row.employer);
    let id = byKey.get(key);
    if (!id) {
      id = await insertOrganisation(tx, associationId, {
        name: row.employer,
        nameLatin: null,
        kind: 'other',
        country: row.country,
        city: row.city,
        website: null,
        email: null,
        phone: null,
        searchKey: searchKeyOf(row.employer),
      });
      byKey.set(key, id);
    }
    ids.set(row.employer, id);
  }
  return ids;
}

/** Writes the previewed rows in the job's transaction, reporting progress batch by batch. */
export async function runPeopleImport({ tx, job, progress }: JobContext): Promise<JobResult> {
  const input = job.input as PeopleImportInput;
  const associationId = job.associationId!;
  const rows = input.rows.filter((r) => r.values !== null && r.problems.length === 0).map((r) => r.values!);
  const employers = await employerIds(tx, associationId, rows);
  const now = new Date();
  let created = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).map((row): PersonValues & { associationId: string } => ({
      associationId,
      ...personValues(null, { ...row, employerId: row.employer ? employers.get(row.employer)! : null }, now),
    }));
    created += await insertPeople(tx, batch);
    progress(Math.min(start + BATCH, rows.length));
  }
  if (rows.length > 0) await analyzePeople(tx);
  // Once written, the rows live in the register; the job keeps only the summary.
  const { rows: _rows, ...summary } = input;
  await replaceJobInput(tx, job.id, summary);
  return { created, skipped: input.rows.length - created };
}

export const peopleJobHandlers: JobHandlers = { [PEOPLE_IMPORT]: runPeopleImport };
