// Start-to-ready time of `usta serve` on an existing embedded database: from launching the process
// to the server answering, as an operator restarting it would wait. Goal: ≤ 2 s. It starts the
// compiled server (dist/server) as `npm start` does, building it first if a source changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runUsta, startUsta } from '../test/process/server.js';

const GOAL_MS = 2_000;
const RUNS = 7;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * CPU time (user + system) a process has used so far, from /proc: unlike the wall clock, it
 * hardly depends on what else the machine is doing. Null where /proc is missing.
 */
function cpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-bench-startup-'));
const env = { USTA_DATA_DIR: dataDir, USTA_DEMO: '1' };
try {
  // The first start creates the database, runs the migrations and loads the demo data.
  const first = await startUsta(env);
  await first.stop();

  const wall: number[] = [];
  const inside: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const server = await startUsta(env);
    const ready = await fetch(`${server.url}/readyz`);
    wall.push(performance.now() - started);
    const used = cpuMs(server.pid);
    if (used !== null) cpu.push(used);
    if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}`);
    const line = server.logs().find((l) => l.msg === 'ready');
    inside.push(Number(line?.startupMs));
    const exit = await server.stop();
    if (exit.code !== 0) throw new Error(`usta serve exited with ${exit.code ?? exit.signal}`);
  }
  const migrate = performance.now();
  await runUsta(['migrate'], env);
  const migrateMs = performance.now() - migrate;

  const ms = (v: number) => `${Math.round(v)} ms`;
  const result = median(wall);
  process.stdout.write(
    [
      `startup: ${RUNS} starts of \`usta serve\` on an existing embedded database (demo data)`,
      `  launch → /readyz answers: median ${ms(result)} (min ${ms(Math.min(...wall))}, max ${ms(Math.max(...wall))})`,
      `  as logged by serve (process start → listening): median ${ms(median(inside))}`,
      `  CPU time used by then (user + system, barely affected by other load): median ${cpu.length > 0 ? ms(median(cpu)) : 'n/a'}`,
      `  \`usta migrate\` with nothing to do, whole process: ${ms(migrateMs)}`,
      `  ratio to the goal (${ms(GOAL_MS)}): ${(result / GOAL_MS).toFixed(2)} (≤ 1 meets it)`,
      '',
    ].join('\n'),
  );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
