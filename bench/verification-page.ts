// Requests per second of the public verification page, GET /verify/<number>?code=<code> (embedded
// database with the demo data: the certificate's signed credential checked against the DID
// document and both status lists on every request), against a bare Fastify route that returns the
// same HTML, measured in the same run with the same load generator at 50 connections; and the
// page's 99th-percentile latency. Goals: ratio ≥ 0.5, p99 ≤ 20 ms.
// Each request comes from its own address (X-Forwarded-For), as visitors scanning QR codes do, so
// the per-address rate limit of the public page is not what is measured.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
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
}

let visitor = 0;
async function load(url: string, seconds: number): Promise<Figures> {
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
  return { perSecond: result.requests.average, p99: result.latency.p99 };
}

async function measure(url: string): Promise<Figures> {
  await load(url, WARM_UP_SECONDS);
  return load(url, SECONDS);
}

async function startBare(bodyFile: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--bare', bodyFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    child.on('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-bench-verify-'));
  const server = await startUsta({ USTA_DATA_DIR: dataDir, USTA_DEMO: '1' });
  let bare: { url: string; stop(): void } | null = null;
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

    const usta = await measure(pageUrl);
    const baseline = await measure(`${bare.url}/verify/${encodeURIComponent(certificate.number)}?code=${certificate.verificationCode}`);
    const ratio = usta.perSecond / baseline.perSecond;
    process.stdout.write(
      [
        `verification-page: GET /verify/<number>?code=, ${CONNECTIONS} connections, ${SECONDS} s each after ${WARM_UP_SECONDS} s warm-up (autocannon)`,
        `  Usta (embedded database, credential checked on each request): ${Math.round(usta.perSecond)} requests/s, p99 ${usta.p99} ms`,
        `  bare Fastify route, same HTML:                                ${Math.round(baseline.perSecond)} requests/s, p99 ${baseline.p99} ms`,
        `  ratio ${ratio.toFixed(2)} (goal ≥ ${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? 'met' : 'not met'}); p99 ${usta.p99} ms (goal ≤ ${GOAL_P99_MS} ms: ${usta.p99 <= GOAL_P99_MS ? 'met' : 'not met'})`,
        '',
      ].join('\n'),
    );
  } finally {
    bare?.stop();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const bareAt = process.argv.indexOf('--bare');
await (bareAt >= 0 ? bareServer(process.argv[bareAt + 1]!) : main());
