/**
 * Rows per second of importing a signed attendance sheet of 50,000 rows with 1 % bad rows, end to
 * end: reading the file, checking every row against the session's registrants (preview), then the
 * commit job writing every mark (5 days) and computing the session's completions. Goal: ≥ 5,000
 * rows/s. Also prints each phase, the CPU time, the peak resident memory of the process, and the
 * background pass that then mails the completers (the session is over, as when a signed sheet
 * comes back), which is not part of the import.
 *
 *   npx tsx bench/attendance-import.ts [rows, default 50000] [--xlsx] [--pg postgres://…/postgres]
 *
 * The embedded database by default (in a temporary folder); with --pg, a throw-away database on that
 * PostgreSQL server.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { createUser } from '../src/modules/accounts/create-user.js';
import { insertAssociation } from '../src/modules/associations/repository.js';
import { SheetVocabulary } from '../src/modules/registration/attendance-sheet-columns.js';
import { commitAttendanceImport } from '../src/modules/registration/attendance-sheet-commit.js';
import { attendanceJobHandlers } from '../src/modules/registration/attendance-sheet-job.js';
import { previewAttendanceImport } from '../src/modules/registration/attendance-sheet-preview.js';
import { queueDueCompletionMails } from '../src/modules/registration/completion-mail-pass.js';
import { seedSession } from '../src/modules/registration/attendance-test-data.js';
import { TICKET_ALPHABET } from '../src/modules/registration/ticket-code.js';
import type { AuthContext } from '../src/platform/auth/access.js';
import { Messages } from '../src/platform/i18n/catalogue.js';
import { findJobState } from '../src/platform/jobs/repository.js';
import { startJob } from '../src/platform/jobs/runner.js';

const GOAL_ROWS_PER_SECOND = 5000;
/** The training week that just ended: the five days before today. */
const DAYS = Array.from({ length: 5 }, (_, i) => new Date(Date.now() - (5 - i) * 86_400_000).toISOString().slice(0, 10));

const { values, positionals } = parseArgs({ allowPositionals: true, options: { xlsx: { type: 'boolean' }, pg: { type: 'string' } } });
const ROWS = Number(positionals[0] ?? 50_000);
const BAD_EVERY = 100;

const FIRST = ['Дилноза', 'Oʻktam', 'Jānis', 'Айгерим', 'Gʻulnora', 'Ērika', 'Нурлан', 'Rustam', 'Līga', 'Сергей'];
const LAST = ['Каримова', 'Gʻulomov', 'Bērziņš', 'Нурланова', 'Oʻrinboyeva', 'Liepa', 'Өтепбаев', 'Xolmatov', 'Kalniņa', 'Щёголев'];

/** A distinct, valid ticket code for each index. */
function ticketCode(index: number): string {
  let n = index + 30 ** 6;
  let code = '';
  for (let i = 0; i < 8; i++) {
    code = TICKET_ALPHABET[n % TICKET_ALPHABET.length] + code;
    n = Math.floor(n / TICKET_ALPHABET.length);
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

const nameOf = (i: number) => `${LAST[i % LAST.length]} ${FIRST[Math.floor(i / LAST.length) % FIRST.length]} ${i}`;
const emailOf = (i: number) => `participant${i}@example.org`;

async function openTarget(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (values.pg) {
    const name = `usta_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: values.pg });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(values.pg);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: os.tmpdir() });
    return {
      database,
      async cleanup() {
        await database.close();
        const drop = new pg.Client({ connectionString: values.pg });
        await drop.connect();
        await drop.query(`drop database if exists ${name} with (force)`);
        await drop.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-bench-'));
  const database = await openDatabase({ databaseUrl: null, dataDir: dir });
  return {
    database,
    async cleanup() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** 50,000 people and confirmed registrations, written in batches straight into the tables. */
async function seedRegistrants(database: Database, associationId: string, sessionId: string): Promise<void> {
  const BATCH = 5000;
  for (let start = 0; start < ROWS; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, ROWS - start) }, (_, k) => {
      const i = start + k;
      return { i, name: nameOf(i), email: emailOf(i), code: ticketCode(i) };
    });
    await database.db.execute(sql`
      with input as (select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(i int, name text, email text, code text)),
      persons as (
        insert into people (association_id, full_name, email, search_key)
        select ${associationId}::uuid, name, email, lower(name) from input order by i
        returning id, email)
      insert into registrations (association_id, session_id, person_id, status, ticket_code, cancel_token_hash, locale, source, fee_mode, confirmed_at)
      select ${associationId}::uuid, ${sessionId}::uuid, p.id, 'confirmed', input.code, md5(input.code), 'ru', 'import', 'free', now()
      from persons p join input on input.email = p.email`);
  }
}

/**
 * The sheet: who by ticket code (70 %), e-mail (20 %) or name (10 %), then one column per day with
 * marks as people write them. Every hundredth row is bad in one of four ways.
 */
function sheetRows(): string[][] {
  const header = ['No.', 'Ticket code', 'E-mail', 'Full name', ...DAYS.map((d) => d.split('-').reverse().join('.')), 'Signature'];
  const marks = ['1', 'x', '✓', '+', 'да', '1', '1', '0', '1', ''];
  const rows = [header];
  for (let i = 0; i < ROWS; i++) {
    const how = i % 10;
    const id = how < 7 ? [ticketCode(i).toLowerCase(), '', ''] : how < 9 ? ['', emailOf(i), ''] : ['', '', nameOf(i)];
    const dayMarks = DAYS.map((_, d) => marks[(i + d * 3) % marks.length]!);
    if (i % BAD_EVERY === BAD_EVERY - 1) {
      const kind = (i / BAD_EVERY) % 4;
      if (kind === 0) dayMarks[2] = 'maybe';
      else if (kind === 1) id.splice(0, 3, 'ZZZZ-ZZZZ', '', '');
      else if (kind === 2) id.splice(0, 3, '', 'nobody@example.org', '');
      else id.splice(0, 3, '', '', 'Unknown Person');
    }
    rows.push([String(i + 1), ...id, ...dayMarks, '']);
  }
  return rows;
}

async function sheetFile(rows: string[][]): Promise<Buffer> {
  if (!values.xlsx) return Buffer.from(rows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Attendance');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * CPU time the database server spent for this benchmark's database so far, when the server runs on
 * this machine (read from /proc for each of its backends); null otherwise.
 */
async function serverCpuMs(database: Database, seen: Map<number, number>): Promise<number | null> {
  if (database.kind !== 'postgres') return null;
  const result = await database.db.execute<{ pid: number }>(sql`select pid from pg_stat_activity where datname = current_database()`);
  const rows: Array<{ pid: number }> = Array.isArray(result) ? (result as Array<{ pid: number }>) : (result as { rows: Array<{ pid: number }> }).rows;
  const pids = rows.map((r) => Number(r.pid));
  try {
    for (const pid of pids) {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // utime and stime, fields 14 and 15 of the line, in clock ticks of 10 ms.
      seen.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    }
  } catch {
    return null;
  }
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

const mib = (kib: number) => `${Math.round(kib / 1024)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const { database, cleanup } = await openTarget();
  try {
    await database.migrate();
    const messages = new Messages();
    const association = await insertAssociation(database.db, {
      slug: 'bench',
      name: 'Association of Consulting Engineers of Uzbekistan',
      shortName: 'ACEC-UZ',
      country: 'UZ',
      defaultLocale: 'uz',
      timeZone: 'Asia/Tashkent',
    });
    const user = await createUser(database.db, { email: 'staff@example.org', displayName: 'Staff', password: 'correct horse battery' });
    const actor: AuthContext = {
      user: { id: user.id, email: user.email, displayName: user.displayName, locale: 'en', isPlatformAdmin: false, personId: null },
      memberships: [{ associationId: association.id, role: 'staff' }],
      via: 'token',
    };
    const session = await seedSession(database.db, association.id, { days: DAYS, minAttendancePercent: 80 });
    const seedStart = performance.now();
    await seedRegistrants(database, association.id, session.sessionId);
    await database.db.execute(sql`analyze`);
    const content = await sheetFile(sheetRows());
    const seeded = performance.now() - seedStart;
    const rssBefore = process.memoryUsage().rss;

    const backends = new Map<number, number>();
    const serverBefore = await serverCpuMs(database, backends);
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const preview = await previewAttendanceImport(database.db, {
      actor,
      sessionId: session.sessionId,
      fileName: values.xlsx ? 'attendance.xlsx' : 'attendance.csv',
      content,
      vocabulary: new SheetVocabulary(messages),
    });
    const previewed = performance.now();
    const job = await commitAttendanceImport(database.db, { actor, sessionId: session.sessionId, jobId: preview.id, mode: 'valid' });
    await startJob(database.db, job.id, attendanceJobHandlers({ messages, publicUrl: 'https://usta.example.org' }));
    const finished = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const serverAfter = await serverCpuMs(database, backends);
    const serverMs = serverBefore !== null && serverAfter !== null ? serverAfter - serverBefore : null;
    const state = await findJobState(database.db, job.id);
    if (state?.status !== 'done') throw new Error(`the import job ended ${state?.status ?? 'nowhere'}: ${state?.error ?? ''}`);

    // Not part of the import: the background pass that mails those who completed, timed on its own.
    const mailStart = performance.now();
    await queueDueCompletionMails(database.db, { messages, publicUrl: 'https://usta.example.org' }, new Date());
    const mailed = performance.now() - mailStart;

    const counted = await database.db.execute<{ marks: number; completed: number; mails: number }>(sql`
      select (select count(*)::int from attendance) as marks,
             (select count(*)::int from completions where completed) as completed,
             (select count(*)::int from outbox) as mails`);
    const counts = (Array.isArray(counted) ? counted : (counted as { rows: unknown[] }).rows)[0] as { marks: number; completed: number; mails: number };
    const total = finished - started;
    const rate = ROWS / (total / 1000);
    const peak = process.resourceUsage().maxRSS;
    process.stdout.write(
      [
        `attendance import, ${ROWS.toLocaleString('en')} rows × ${DAYS.length} days (${values.xlsx ? 'XLSX' : 'CSV'}, ${(content.length / 1048576).toFixed(1)} MiB), ${database.kind}:`,
        `  preview: ${seconds(previewed - started)} — ${preview.valid.toLocaleString('en')} valid, ${preview.invalid.toLocaleString('en')} rows with problems`,
        `  commit job: ${seconds(finished - previewed)} — ${counts.marks.toLocaleString('en')} marks written, ${counts.completed.toLocaleString('en')} completions computed`,
        `  then the completion mail pass (background, not counted above): ${seconds(mailed)} for ${counts.mails.toLocaleString('en')} mails`,
        `  ${Math.round(rate).toLocaleString('en')} rows/s end to end (goal ≥ ${GOAL_ROWS_PER_SECOND.toLocaleString('en')}: ratio ${(rate / GOAL_ROWS_PER_SECOND).toFixed(2)})`,
        database.kind === 'pglite'
          ? `  CPU time of this process (the embedded database included): ${seconds(cpuMs)} — ${Math.round(ROWS / (cpuMs / 1000)).toLocaleString('en')} rows per CPU-second, what an otherwise idle core would give`
          : serverMs === null
            ? `  CPU time of this process (the database server not included): ${seconds(cpuMs)}`
            : `  CPU time: this process ${seconds(cpuMs)}, the database server ${seconds(serverMs)} — ${Math.round(ROWS / ((cpuMs + serverMs) / 1000)).toLocaleString('en')} rows per CPU-second of both together`,
        `  peak RSS ${mib(peak)} (${Math.round(rssBefore / 1048576)} MiB before the import; seeding took ${seconds(seeded)})`,
      ].join('\n') + '\n',
    );
    if (preview.invalid !== ROWS / BAD_EVERY) throw new Error(`expected ${ROWS / BAD_EVERY} bad rows, the preview found ${preview.invalid}`);
  } finally {
    await cleanup();
  }
}

await main();
