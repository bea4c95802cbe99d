// Requests per second of the public verification page, GET /verify/<number>?code=<code>, against a
// bare Fastify route that returns the same HTML, measured in the same run with the same load
// generator at 50 connections; the page's 99th-percentile latency; and each server's CPU time per
// request. Goals: ratio ≥ 0.5, p99 ≤ 20 ms. On the embedded database with the demo data, and on a
// PostgreSQL server when its URL is given:
//   npx tsx bench/verification-page.ts [postgres://user@host:port/postgres]
// (a database usta_bench_verify is created there and dropped afterwards).
// Each request comes from its own address (X-Forwarded-For), as visitors scanning QR codes do, so
// the per-address rate limit of the public page is not what is measured.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { createToken, signIn, startUsta } from '../test/process/server.js';

const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 20;
const CONNECTIONS = 50;
const WARM_UP_SECONDS = 3;
const SECONDS = 10;

/** Run as `bench/verification-page.ts --bare <html file>`: the baseline server, printing its URL. */
async function bareServer(bodyFile: string): Promise<void> {
  const body = fs.readFileSync(bodyFile, 'utf8');
  const app = Fastify({ logger: false });
  app.get('/verify/:number', (_request, reply) => reply.type('text/html; charset=utf-8').send(body));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${url}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

interface Figures {
  perSecond: number;
  p99: number;
  /** CPU time of the server process per request answered, in ms. */
  cpuMs: number;
}

/** User plus system CPU time of a process so far, in ms (Linux). */
function cpuTimeMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

let visitor = 0;
async function load(url: string, seconds: number, pid: number): Promise<Figures> {
  const cpuBefore = cpuTimeMs(pid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    // A shared machine can stall a request for seconds; count it late rather than as an error.
    timeout: 60,
    requests: [
      {
        setupRequest: (request) => {
          visitor += 1;
          return { ...request, headers: { ...request.headers, 'x-forwarded-for': `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}` } };
        },
      },
    ],
  });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${url}: ${result.errors} errors (${result.timeouts} timeouts) and ${result.non2xx} answers other than 2xx`);
  return { perSecond: result.requests.average, p99: result.latency.p99, cpuMs: (cpuTimeMs(pid) - cpuBefore) / Math.max(1, result.requests.total) };
}

async function measure(url: string, pid: number): Promise<Figures> {
  await load(url, WARM_UP_SECONDS, pid);
  return load(url, SECONDS, pid);
}

async function startBare(bodyFile: string): Promise<{ url: string; pid: number; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--bare', bodyFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    child.on('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

async function measureOn(backend: string, databaseUrl: string | null): Promise<string[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-bench-verify-'));
  const server = await startUsta({ USTA_DATA_DIR: dataDir, USTA_DEMO: '1', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }, 180_000);
  let bare: { url: string; pid: number; stop(): void } | null = null;
  try {
    const { token } = await createToken(server.url, await signIn(server.url), 'bench');
    const list = await fetch(`${server.url}/api/v1/certificates?status=active&pageSize=1`, { headers: { authorization: `Bearer ${token}` } });
    const certificate = ((await list.json()) as { items: Array<{ number: string; verificationCode: string }> }).items[0];
    if (!certificate) throw new Error('the demo data has no active certificate');
    const pageUrl = `${server.url}/verify/${encodeURIComponent(certificate.number)}?code=${certificate.verificationCode}`;
    const page = await fetch(pageUrl);
    const html = await page.text();
    if (page.status !== 200 || !html.includes('data-verdict="valid"')) throw new Error(`the verification page answered ${page.status} without a valid verdict`);
    const bodyFile = path.join(dataDir, 'page.html');
    fs.writeFileSync(bodyFile, html);
    bare = await startBare(bodyFile);

    const usta = await measure(pageUrl, server.pid);
    const baseline = await measure(`${bare.url}/verify/${encodeURIComponent(certificate.number)}?code=${certificate.verificationCode}`, bare.pid);
    const ratio = usta.perSecond / baseline.perSecond;
    const cpu = (figures: Figures) => `${figures.cpuMs.toFixed(3)} ms CPU per request`;
    return [
      `  ${backend}, page of ${html.length.toLocaleString('en')} characters:`,
      `    Usta:                          ${Math.round(usta.perSecond)} requests/s, p99 ${usta.p99} ms, ${cpu(usta)}`,
      `    bare Fastify route, same HTML: ${Math.round(baseline.perSecond)} requests/s, p99 ${baseline.p99} ms, ${cpu(baseline)}`,
      `    ratio ${ratio.toFixed(2)} (goal ≥ ${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? 'met' : 'not met'}); p99 ${usta.p99} ms (goal ≤ ${GOAL_P99_MS} ms: ${usta.p99 <= GOAL_P99_MS ? 'met' : 'not met'})`,
    ];
  } finally {
    bare?.stop();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withDatabase<T>(serverUrl: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = 'usta_bench_verify';
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const postgresUrl = process.argv[2];
  const lines = [`verification-page: GET /verify/<number>?code=, ${CONNECTIONS} connections, ${SECONDS} s each after ${WARM_UP_SECONDS} s warm-up (autocannon)`];
  lines.push(...(await measureOn('embedded database (demo data)', null)));
  if (postgresUrl) lines.push(...(await withDatabase(postgresUrl, (url) => measureOn('PostgreSQL server (demo data)', url))));
  process.stdout.write(`${lines.join('\n')}\n`);
}

const bareAt = process.argv.indexOf('--bare');
await (bareAt >= 0 ? bareServer(process.argv[bareAt + 1]!) : main());
