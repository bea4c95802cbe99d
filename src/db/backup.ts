import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { createPglite, pgliteDataPath } from './client.js';
import { lockDataDir } from './data-dir-lock.js';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) =>
      reject(new Error(`could not run ${command} (${error.message}); install the PostgreSQL client tools`)),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed: ${stderr.trim()}`))));
  });
}

/**
 * Embedded database: a gzipped tarball of the data folder, taken through PGlite itself (so the
 * server must be stopped — the data-folder lock ensures it). PostgreSQL: `pg_dump` custom format.
 */
export async function backup(config: Config, file: string): Promise<string> {
  const target = path.resolve(file);
  if (config.databaseUrl) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, config.databaseUrl]);
    return `Backup of the PostgreSQL database written to ${target}.`;
  }
  const lock = lockDataDir(config.dataDir);
  try {
    const dataPath = pgliteDataPath(config.dataDir);
    if (!fs.existsSync(dataPath)) throw new Error(`no database in ${config.dataDir}`);
    const pglite = await createPglite(dataPath);
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    fs.writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
    return `Backup of the embedded database in ${config.dataDir} written to ${target}.`;
  } finally {
    lock.release();
  }
}

export async function restore(config: Config, file: string): Promise<string> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`no such file: ${source}`);
  if (config.databaseUrl) {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${config.databaseUrl}`, source]);
    return `PostgreSQL database restored from ${source}.`;
  }
  const lock = lockDataDir(config.dataDir);
  try {
    const dataPath = pgliteDataPath(config.dataDir);
    const incoming = `${dataPath}.restoring`;
    fs.rmSync(incoming, { recursive: true, force: true });
    const blob = new Blob([fs.readFileSync(source)]);
    const pglite = await createPglite(incoming, blob);
    await pglite.query('select 1');
    await pglite.close();
    const previous = `${dataPath}.before-restore`;
    fs.rmSync(previous, { recursive: true, force: true });
    if (fs.existsSync(dataPath)) fs.renameSync(dataPath, previous);
    fs.renameSync(incoming, dataPath);
    return `Embedded database restored from ${source}; the previous one is kept in ${previous}.`;
  } finally {
    lock.release();
  }
}
