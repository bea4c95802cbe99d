#!/usr/bin/env node
// The project's test command (`npm test`). Runs lint and types, the unit tests (PGlite), the same
// database tests on a throw-away PostgreSQL cluster, and the browser journeys in Debian's Chromium,
// installing what is missing from Debian's packages; ends with one line "N passed, N failed". The
// tests that start `usta` run the compiled server, built first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { aptInstall, say, startCluster } from './pg-cluster.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const RESULTS = path.join(ROOT, '.tmp', 'test-results');
const CHROMIUM = '/usr/bin/chromium';
const STEPS = ['lint', 'unit', 'pg', 'e2e'];

const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
if (values.only !== undefined && !STEPS.includes(values.only)) {
  process.stderr.write(`usage: node scripts/test.mjs [--only ${STEPS.join('|')}]\n`);
  process.exit(2);
}
const selected = values.only ? [values.only] : STEPS;

const totals = { passed: 0, failed: 0 };
const problems = [];
let cluster = null;
let current = null;

function heading(text) {
  say(`\n━━ ${text} ${'━'.repeat(Math.max(3, 76 - text.length))}`);
}

function fail(what) {
  totals.failed += 1;
  problems.push(what);
  say(`✗ ${what}`);
}

/** Runs a command with inherited output; resolves to its exit code. */
function run(command, args, env = {}) {
  say(`$ ${[command, ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    current = child;
    child.on('error', (error) => {
      say(`could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

/** One vitest project; its counts come from the JSON report written beside the console output. */
async function vitest(project, env = {}) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const report = path.join(RESULTS, `${project}.json`);
  fs.rmSync(report, { force: true });
  const code = await run(
    bin('vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  let passed = 0;
  let failed = 0;
  let brokenFiles = 0;
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed = json.numPassedTests ?? 0;
    failed = json.numFailedTests ?? 0;
    // A file that failed to load, or whose hooks failed, has no failed test of its own: count it once.
    brokenFiles = (json.testResults ?? []).filter(
      (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
    ).length;
  }
  totals.passed += passed;
  totals.failed += failed + brokenFiles;
  if (failed > 0) problems.push(`${project}: ${failed} test(s) failed`);
  if (brokenFiles > 0) problems.push(`${project}: ${brokenFiles} file(s) failed outside their tests`);
  if (code !== 0 && failed + brokenFiles === 0) {
    // An error outside any file, or no report at all.
    totals.failed += 1;
    problems.push(`${project}: vitest exited with code ${code}`);
  }
  say(`${project}: ${passed} passed, ${failed + brokenFiles} failed`);
}

async function lint() {
  heading('Lint (eslint) and types (tsc)');
  say('Checking the code with eslint, zero warnings allowed…');
  if ((await run(bin('eslint'), ['--max-warnings', '0', '.'])) !== 0) fail('eslint found problems');
  say('Type-checking with tsc…');
  if ((await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) !== 0) fail('tsc found type errors');
}

let serverBuilt = null;

/**
 * The process tests and the browser journeys run the compiled server that ships (dist/server), as
 * `npm start` does: built once here, from the sources as they are now.
 */
function buildServer() {
  serverBuilt ??= (async () => {
    say('Building the server (npm run build:server)…');
    if ((await run('node', [path.join('scripts', 'build-server.mjs')])) !== 0) fail('the server did not build');
  })();
  return serverBuilt;
}

async function unit() {
  heading('Unit tests (pure code and the embedded PGlite database)');
  await buildServer();
  await vitest('unit');
}

async function pg() {
  heading('Database tests on a real PostgreSQL server');
  try {
    cluster = await startCluster();
  } catch (error) {
    fail(`could not start PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  say(`USTA_TEST_PG_URL=${cluster.url}`);
  await buildServer();
  try {
    await vitest('pg', { USTA_TEST_PG_URL: cluster.url });
  } finally {
    say('Stopping and deleting the throw-away PostgreSQL cluster…');
    cluster.stop();
    cluster = null;
  }
}

async function e2e() {
  heading("Browser journeys in Debian's Chromium");
  if (!fs.existsSync(CHROMIUM)) {
    try {
      // Fonts with Cyrillic and Latvian letters, so pages lay out as people see them.
      aptInstall(['chromium', 'fonts-dejavu-core', 'fonts-liberation'], 'Chromium');
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      return;
    }
  } else {
    say(`Using ${CHROMIUM}.`);
  }
  say('Building the web app (npm run build:web)…');
  if ((await run('npm', ['run', '--silent', 'build:web'])) !== 0) {
    fail('the web app did not build');
    return;
  }
  await buildServer();
  await vitest('e2e');
}

function cleanUp() {
  cluster?.stop();
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    say(`\nInterrupted (${signal}); cleaning up…`);
    current?.kill(signal);
    cleanUp();
    process.exit(130);
  });
}
process.on('exit', cleanUp);

const started = Date.now();
const stepFns = { lint, unit, pg, e2e };
for (const step of selected) await stepFns[step]();

heading(`Summary (${Math.round((Date.now() - started) / 1000)} s)`);
for (const problem of problems) say(`✗ ${problem}`);
say(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
