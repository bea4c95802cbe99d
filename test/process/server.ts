import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureServerBuild, SERVER_MAIN } from '../../scripts/build-server.mjs';
import { ROOT, testBackend, testServerUrl } from '../backend.js';

/** Credentials of the administrator every test server is started with (USTA_ADMIN_EMAIL/PASSWORD). */
export const ADMIN = { email: 'admin@example.org', password: 'Xy7-correct-horse-battery' } as const;

/** Process tests start and stop real servers; on a busy machine that takes far longer than a unit test. */
export const PROCESS_TIMEOUT = 180_000;

/** Variables of the calling environment that would change how a child `usta` behaves. */
const OWN_VARIABLES = /^(USTA_|DATABASE_URL$|PORT$|HOST$|LOG_LEVEL$|SMTP_URL$)/;

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Where a test's `usta` processes keep their data: a fresh folder, and a fresh database when on PostgreSQL. */
export interface DataTarget {
  dataDir: string;
  databaseUrl: string | null;
  env: Record<string, string>;
  remove(): Promise<void>;
}

export async function createDataTarget(): Promise<DataTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-proc-'));
  if (testBackend() !== 'postgres') {
    return {
      dataDir,
      databaseUrl: null,
      env: { USTA_DATA_DIR: dataDir },
      remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `usta_proc_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = testServerUrl(name);
  return {
    dataDir,
    databaseUrl,
    env: { USTA_DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    async remove() {
      const cleanup = new pg.Client({ connectionString: testServerUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !OWN_VARIABLES.test(key)));
  return {
    ...base,
    HOST: '127.0.0.1',
    PORT: '0',
    USTA_DEMO: '0',
    USTA_ADMIN_EMAIL: ADMIN.email,
    USTA_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
    ...env,
  };
}

/** Children still running; killed if this process ends first, so no server outlives its test run. */
const live = new Set<ChildProcess>();
let reaperInstalled = false;

function installReaper(): void {
  if (reaperInstalled) return;
  reaperInstalled = true;
  const reap = () => {
    for (const child of live) child.kill('SIGKILL');
  };
  process.on('exit', reap);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      reap();
      process.kill(process.pid, signal);
    });
  }
}

let built: Promise<void> | null = null;

/** Builds dist/server, once per process, if a source changed since it was built (`npm test` builds it first). */
function serverBuilt(): Promise<void> {
  built ??= ensureServerBuild();
  return built;
}

/**
 * `node dist/server/main.js …`, the compiled server and command line that `npm start` and `npx usta`
 * run: one process, so a signal sent to it reaches the server itself.
 */
function spawnUsta(args: string[], env: Record<string, string>): ChildProcess {
  installReaper();
  const child = spawn(process.execPath, ['--enable-source-maps', SERVER_MAIN, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.on('exit', () => live.delete(child));
  return child;
}

export interface CommandResult extends Exit {
  stdout: string;
  stderr: string;
}

/** Runs a `usta` command to its end (bounded by `timeoutMs`). */
export async function runUsta(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CommandResult> {
  await serverBuilt();
  const child = spawnUsta(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`usta ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface UstaServer {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Base URL the server listens on (loopback, port chosen by the OS). */
  readonly url: string;
  /** Every JSON log line so far. */
  logs(): LogLine[];
  /** Everything the process wrote, as text. */
  output(): string;
  /** Resolves with the first log line (past or future) that matches. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  readonly exited: Promise<Exit>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<Exit>;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<Exit>;
  /**
   * From now on, read standard output without keeping or parsing it: a load generator in this process
   * must not spend its time on the server's log lines.
   */
  ignoreOutput(): void;
}

/** Starts `usta serve` and resolves once it logs that it is ready. */
export async function startUsta(env: Record<string, string>, timeoutMs = 60_000): Promise<UstaServer> {
  await serverBuilt();
  const child = spawnUsta(['serve'], env);
  const lines: LogLine[] = [];
  let text = '';
  let pending = '';
  const waiters: Array<{ match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }> = [];

  const onLine = (raw: string) => {
    if (!raw.startsWith('{')) return;
    let line: LogLine;
    try {
      line = JSON.parse(raw) as LogLine;
    } catch {
      return;
    }
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.match(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  let collecting = true;
  child.stdout!.on('data', (chunk: Buffer) => {
    if (!collecting) return;
    text += chunk.toString();
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    parts.forEach(onLine);
  });
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));

  const waitForLog = (match: (line: LogLine) => boolean, ms = 30_000): Promise<LogLine> => {
    const seen = lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (action: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        action();
      };
      const timer = setTimeout(() => settle(() => reject(new Error(`no such log line within ${ms} ms; output:\n${text}`))), ms);
      void exited.then(() => settle(() => reject(new Error(`usta exited before the expected log line; output:\n${text}`))));
      waiters.push({ match, resolve: (line) => settle(() => resolve(line)) });
    });
  };

  let ready: LogLine;
  try {
    ready = await waitForLog((line) => line.msg === 'ready', timeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const signalAndWait = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return {
    child,
    pid: child.pid!,
    url: String(ready.url),
    logs: () => [...lines],
    output: () => text,
    waitForLog,
    exited,
    stop: () => signalAndWait('SIGTERM'),
    kill: () => signalAndWait('SIGKILL'),
    ignoreOutput: () => {
      collecting = false;
    },
  };
}

/** A signed-in browser-like session over real HTTP: the session and CSRF cookies plus the CSRF token. */
export interface HttpSession {
  cookie: string;
  csrfToken: string;
  cookieValues: string[];
}

export async function signIn(url: string, email: string = ADMIN.email, password: string = ADMIN.password): Promise<HttpSession> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: pairs.join('; '), csrfToken, cookieValues: pairs.map((p) => p.slice(p.indexOf('=') + 1)) };
}

/** Creates an API token with the session (cookie + CSRF header) and returns its secret. */
export async function createToken(url: string, session: HttpSession, name: string): Promise<{ id: string; token: string }> {
  const res = await fetch(`${url}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ name }),
  });
  if (res.status !== 201) throw new Error(`token creation failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; token: string };
}

export async function listTokens(url: string, bearer: string): Promise<Array<{ id: string; name: string }>> {
  const res = await fetch(`${url}/api/v1/tokens`, { headers: { authorization: `Bearer ${bearer}` } });
  if (res.status !== 200) throw new Error(`listing tokens failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { items: Array<{ id: string; name: string }> }).items;
}
