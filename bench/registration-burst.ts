// Registration burst: 1,000 visitors register at once for a 100-seat session over HTTP (a real
// `usta serve` on loopback, the demo data loaded), all sent at once over CONNECTIONS keep-alive
// connections, each visitor from their own address. Prints registrations per second on the embedded database and
// on PostgreSQL (a throw-away cluster), and checks exactness every time: 100 confirmed, 900 on
// the waiting list, 1,000 distinct tickets, no error. Goal on PostgreSQL: ≥ 500 registrations/s.
//
//   npx tsx bench/registration-burst.ts [runs per back-end, default 3]
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startCluster, type Cluster } from '../scripts/pg-cluster.mjs';
import { ADMIN, createToken, signIn, startUsta, type UstaServer } from '../test/process/server.js';

const GOAL = 500;
const VISITORS = 1000;
const SEATS = 100;
const CONNECTIONS = 50;
const RUNS = Number(process.argv[2] ?? 3);

interface Result {
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  ticketCode: string | null;
}

async function api<T>(url: string, token: string, method: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A fresh published session of a demo course, with SEATS seats and registration open. */
async function newSession(base: string, token: string, run: number): Promise<string> {
  const courses = await api<{ items: Array<{ id: string; associationId: string; status: string }> }>(`${base}/api/v1/courses?pageSize=100`, token, 'GET');
  const course = courses.items.find((c) => c.status === 'published')!;
  const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const session = await api<{ id: string }>(`${base}/api/v1/sessions`, token, 'POST', {
    associationId: course.associationId,
    courseId: course.id,
    slug: `burst-${Date.now()}-${run}`,
    city: 'Toshkent',
    venue: 'Bench hall',
    timeZone: 'Asia/Tashkent',
    language: 'uz',
    capacity: SEATS,
    days: [{ date: day, start: '09:00', end: '17:00' }],
  });
  await api(`${base}/api/v1/sessions/${session.id}/publish`, token, 'POST', {});
  return session.id;
}

/** One visitor's registration, as the public JSON API receives it. */
function visitor(run: number, i: number) {
  return {
    fullName: i % 2 === 0 ? `Ishtirokchi ${run}-${i}` : `Участник ${run}-${i}`,
    nameLatin: `Participant ${run}-${i}`,
    email: `burst.${run}.${i}@bench.example.uz`,
    gender: i % 2 === 0 ? 'female' : 'male',
    country: 'UZ',
    city: 'Toshkent',
    organisation: `Suvoqova ${i % 10}`,
    sector: 'wastewater',
    privacyConsent: true,
    locale: 'uz',
  };
}

/** POST over a keep-alive connection with node:http: a lighter client than fetch, which shares the server's two cores. */
function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** All VISITORS requests are sent at once; the client holds CONNECTIONS keep-alive connections, as a proxy in front of the app would. */
async function burst(base: string, sessionId: string, run: number): Promise<{ seconds: number; results: Result[] }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const url = new URL(`${base}/api/v1/sessions/${sessionId}/registrations`);
  const bodies = Array.from({ length: VISITORS }, (_, i) => JSON.stringify(visitor(run, i)));
  const started = process.hrtime.bigint();
  try {
    const results = await Promise.all(
      bodies.map(async (body, i) => {
        const res = await post(agent, url, { 'content-type': 'application/json', 'idempotency-key': `bench-${run}-${i}`, 'x-forwarded-for': `10.${run}.${i >> 8}.${i & 255}` }, body);
        if (res.status !== 201) throw new Error(`registration ${i}: ${res.status} ${res.text}`);
        return JSON.parse(res.text) as Result;
      }),
    );
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, results };
  } finally {
    agent.destroy();
  }
}

async function check(base: string, token: string, sessionId: string, results: Result[]): Promise<void> {
  const confirmed = results.filter((r) => r.status === 'confirmed').length;
  const waitlisted = results.filter((r) => r.status === 'waitlisted').length;
  const tickets = new Set(results.map((r) => r.ticketCode)).size;
  const session = await api<{ counts: { confirmed: number; waitlisted: number; cancelled: number } }>(`${base}/api/v1/sessions/${sessionId}`, token, 'GET');
  const exact =
    confirmed === SEATS &&
    waitlisted === VISITORS - SEATS &&
    tickets === VISITORS &&
    session.counts.confirmed === SEATS &&
    session.counts.waitlisted === VISITORS - SEATS &&
    session.counts.cancelled === 0;
  if (!exact) {
    throw new Error(`not exact: answers ${confirmed} confirmed / ${waitlisted} waitlisted / ${tickets} tickets; stored ${JSON.stringify(session.counts)}`);
  }
}

/** CPU time the process has used so far, in milliseconds (user + system, from /proc). */
function cpuMillis(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

async function measure(label: string, env: Record<string, string>): Promise<number[]> {
  const server: UstaServer = await startUsta({ ...env, USTA_DEMO: '1' }, 180_000);
  try {
    const { token } = await createToken(server.url, await signIn(server.url, ADMIN.email, ADMIN.password), 'bench');
    const rates: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const sessionId = await newSession(server.url, token, run);
      const cpuBefore = cpuMillis(server.pid);
      const { seconds, results } = await burst(server.url, sessionId, run);
      const cpuAfter = cpuMillis(server.pid);
      await check(server.url, token, sessionId, results);
      // The first run warms the server up (JIT, statement plans) and is not counted.
      if (run > 0) rates.push(VISITORS / seconds);
      // The server's own CPU per registration: what the figure would be with a core to itself.
      const cpu = cpuBefore !== null && cpuAfter !== null ? `, server CPU ${((cpuAfter - cpuBefore) / VISITORS).toFixed(1)} ms per registration` : '';
      process.stdout.write(
        `  ${label} run ${run}${run === 0 ? ' (warm-up)' : ''}: ${(VISITORS / seconds).toFixed(0)} registrations/s${cpu}, exact (${SEATS} confirmed, ${VISITORS - SEATS} waiting)\n`,
      );
    }
    process.stdout.write(`  (machine load average while measuring: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)\n`);
    return rates;
  } finally {
    await server.stop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  process.stdout.write(`registration-burst: ${VISITORS} registrations for ${SEATS} seats over HTTP, sent at once over ${CONNECTIONS} connections, ${RUNS} runs per back-end after a warm-up\n`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-bench-burst-'));
  let cluster: Cluster | null = null;
  try {
    const embedded = await measure('embedded (PGlite)', { USTA_DATA_DIR: path.join(dataDir, 'pglite') });
    cluster = await startCluster({ log: () => undefined });
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database usta_bench');
    await admin.end();
    const postgresUrl = new URL(cluster.url);
    postgresUrl.pathname = '/usta_bench';
    const postgres = await measure('PostgreSQL', { USTA_DATA_DIR: path.join(dataDir, 'pg'), DATABASE_URL: postgresUrl.toString() });
    const pgRate = median(postgres);
    process.stdout.write(
      [
        `  embedded (PGlite): median ${median(embedded).toFixed(0)} registrations/s`,
        `  PostgreSQL:        median ${pgRate.toFixed(0)} registrations/s (goal ≥ ${GOAL}: ${pgRate >= GOAL ? 'met' : 'not met'})`,
        `  exact every run: ${SEATS} confirmed and ${VISITORS - SEATS} on the waiting list`,
        '',
      ].join('\n'),
    );
  } finally {
    cluster?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
