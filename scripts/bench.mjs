#!/usr/bin/env node
// `npm run bench [-- name …]`: runs each bench/*.ts (or the named ones) one after another, each in
// its own process so none warms up another, and prints what each one reports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const BENCH = path.join(ROOT, 'bench');

const all = fs
  .readdirSync(BENCH)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`no such bench: ${unknown.join(', ')} (there are: ${all.join(', ')})\n`);
  process.exit(2);
}

const failed = [];
for (const name of wanted.length > 0 ? wanted : all) {
  // Figures from a busy machine are not comparable: say how busy it was.
  const load = os.loadavg()[0].toFixed(1);
  process.stdout.write(`\n━━ bench/${name}.ts ━━ (${os.cpus().length} cores, load average ${load} at start)\n`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(BENCH, `${name}.ts`)], { cwd: ROOT, stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (result.status !== 0) failed.push(name);
  process.stdout.write(`(${seconds} s${result.status === 0 ? '' : `, failed with exit ${result.status ?? result.signal}`})\n`);
}
if (failed.length > 0) {
  process.stderr.write(`\nbenches that failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
