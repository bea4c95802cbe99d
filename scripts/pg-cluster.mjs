// A throw-away PostgreSQL cluster for the test runner and the benchmarks: found or installed from
// Debian's packages, started in a temporary folder on a free loopback port, removed afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const FOLDER_PREFIX = 'usta-pg-';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let aptUpdated = false;

/** Prints what is about to happen, so a slow step never looks like a hang. */
export function say(message) {
  process.stdout.write(`${message}\n`);
}

/** apt-get as root, non-interactive; `apt-get update` runs once per process. */
export function aptInstall(packages, why) {
  if (!isRoot) {
    throw new Error(`${why} is missing; install it with: sudo apt-get install -y ${packages.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    say('Updating the package lists (apt-get update)…');
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    if (update.status !== 0) throw new Error('apt-get update failed');
    aptUpdated = true;
  }
  say(`Installing ${why} from Debian's packages (apt-get install -y ${packages.join(' ')})…`);
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  if (install.status !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed`);
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, command))) return dir;
  }
  return null;
}

/** The folder holding initdb and pg_ctl: PATH first, then Debian's versioned folders, newest first. */
export function findPostgresBin() {
  const fromPath = onPath('initdb');
  if (fromPath && fs.existsSync(path.join(fromPath, 'pg_ctl'))) return fromPath;
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0], 'bin') : null;
}

export function ensurePostgresBin() {
  let bin = findPostgresBin();
  if (bin) return bin;
  aptInstall(['postgresql'], 'PostgreSQL');
  bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL was installed but initdb was not found in /usr/lib/postgresql/*/bin');
  return bin;
}

/** A port that nothing listens on now, chosen by the operating system. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Runs a PostgreSQL program as the `postgres` user when we are root (initdb refuses root). */
function pgCommand(bin, program, args) {
  const file = path.join(bin, program);
  return isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

function runPg(bin, program, args, options = {}) {
  const [command, argv] = pgCommand(bin, program, args);
  const result = spawnSync(command, argv, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(`${program} failed (exit ${result.status}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  return result;
}

function stopFolder(bin, dir) {
  if (fs.existsSync(path.join(dir, 'data', 'postmaster.pid'))) {
    runPg(bin, 'pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop'], { allowFailure: true, stdio: 'ignore' });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Clusters left behind by a runner that was killed outright (its PID is gone) are stopped and removed. */
function removeAbandoned(bin) {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(FOLDER_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    let owner = Number.NaN;
    try {
      owner = Number.parseInt(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'), 10);
    } catch {
      // No owner file: the runner died before writing it.
    }
    if (Number.isInteger(owner) && isAlive(owner)) continue;
    stopFolder(bin, dir);
  }
}

/**
 * Starts a fresh cluster: trust authentication, listening on 127.0.0.1 only, durability off for
 * speed (the data is thrown away). Returns its URL and a synchronous stop(), safe to call twice
 * and from an 'exit' handler.
 */
export async function startCluster({ log = say } = {}) {
  const bin = ensurePostgresBin();
  removeAbandoned(bin);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), FOLDER_PREFIX));
  fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    stopFolder(bin, dir);
  };
  try {
    if (isRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      fs.chownSync(dir, uid, gid);
    }
    const data = path.join(dir, 'data');
    log(`Creating a throw-away PostgreSQL cluster in ${dir} (initdb from ${bin})…`);
    runPg(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ].join(' ');
    log(`Starting PostgreSQL on 127.0.0.1:${port}…`);
    runPg(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
  } catch (error) {
    const logFile = path.join(dir, 'server.log');
    const serverLog = fs.existsSync(logFile) ? `\n${fs.readFileSync(logFile, 'utf8')}` : '';
    stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}${serverLog}`);
  }
}
