// Requests per second of GET /api/v1/people/:id (bearer token, embedded database with the demo
// data) against a bare Fastify route that returns the same JSON, measured in the same run with the
// same load generator. Both servers run in their own process on loopback. Goal: ratio ≥ 0.5.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { ADMIN, createToken, signIn, startUsta } from '../test/process/server.js';

const GOAL = 0.5;
const CONNECTIONS = 10;
const WARM_UP_SECONDS = 3;
const SECONDS = 10;

/** Run as `bench/api-people.ts --bare <json file>`: the baseline server, printing its URL. */
async function bareServer(bodyFile: string): Promise<void> {
  const body = JSON.parse(fs.readFileSync(bodyFile, 'utf8')) as unknown;
  const app = Fastify({ logger: false });
  app.get('/api/v1/people/:id', () => Promise.resolve(body));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${url}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${url}: ${result.errors} errors and ${result.non2xx} answers other than 2xx`);
  }
  return result.requests.average;
}

async function measure(url: string, headers: Record<string, string>): Promise<number> {
  await load(url, headers, WARM_UP_SECONDS);
  return load(url, headers, SECONDS);
}

async function startBare(bodyFile: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--bare', bodyFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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

/** A person to read: the first one the demo data has, or one made through the API if it has none. */
async function somePerson(url: string, token: string): Promise<string> {
  const auth = { authorization: `Bearer ${token}` };
  const list = (await (await fetch(`${url}/api/v1/people?pageSize=1`, { headers: auth })).json()) as { items: Array<{ id: string }> };
  if (list.items[0]) return list.items[0].id;
  const associations = (await (await fetch(`${url}/api/v1/associations`)).json()) as { items: Array<{ id: string }> };
  const created = await fetch(`${url}/api/v1/people`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      associationId: associations.items[0]!.id,
      fullName: 'Дилноза Каримова',
      nameLatin: 'Dilnoza Karimova',
      gender: 'female',
      country: 'UZ',
      city: 'Tashkent',
      sector: 'water_supply',
      position: 'Chief engineer',
      email: 'dilnoza.karimova@example.uz',
    }),
  });
  if (created.status !== 201) throw new Error(`could not create a person: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { id: string }).id;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-bench-api-'));
  const server = await startUsta({ USTA_DATA_DIR: dataDir, USTA_DEMO: '1' });
  let bare: { url: string; stop(): void } | null = null;
  try {
    const { token } = await createToken(server.url, await signIn(server.url, ADMIN.email, ADMIN.password), 'bench');
    const id = await somePerson(server.url, token);
    const headers = { authorization: `Bearer ${token}` };
    const personUrl = `${server.url}/api/v1/people/${id}`;
    const person = await fetch(personUrl, { headers });
    if (person.status !== 200) throw new Error(`GET /api/v1/people/:id answered ${person.status}`);
    const bodyFile = path.join(dataDir, 'person.json');
    fs.writeFileSync(bodyFile, await person.text());
    bare = await startBare(bodyFile);
    // The load generator runs in this process: it does not also read the server's log lines.
    server.ignoreOutput();

    const usta = await measure(personUrl, headers);
    const baseline = await measure(`${bare.url}/api/v1/people/${id}`, headers);
    const ratio = usta / baseline;
    process.stdout.write(
      [
        `api-people: GET /api/v1/people/:id, ${CONNECTIONS} connections, ${SECONDS} s each after ${WARM_UP_SECONDS} s warm-up (autocannon)`,
        `  Usta (embedded database, bearer token, info logs): ${Math.round(usta)} requests/s`,
        `  bare Fastify route, same JSON:                      ${Math.round(baseline)} requests/s`,
        `  ratio ${ratio.toFixed(2)} (goal ≥ ${GOAL}: ${ratio >= GOAL ? 'met' : 'not met'})`,
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
