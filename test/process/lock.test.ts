import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataTarget, runUsta, startUsta, type DataTarget, type UstaServer, PROCESS_TIMEOUT } from './server.js';

let target: DataTarget;
let server: UstaServer | undefined;

beforeAll(async () => {
  target = await createDataTarget();
  server = await startUsta(target.env);
}, PROCESS_TIMEOUT);

afterAll(async () => {
  await server?.kill();
  await target.remove();
}, PROCESS_TIMEOUT);

describe('the data-folder lock', { timeout: PROCESS_TIMEOUT }, () => {
  it('is held by the running server, naming its process', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(target.dataDir, 'usta.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(server!.pid);
  });

  it('makes a second server on the same folder exit non-zero with a clear message', async () => {
    const second = await runUsta(['serve'], target.env);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(`The data folder ${target.dataDir} is in use by another Usta process (pid ${server!.pid}`);
    expect(second.stderr).toContain('point USTA_DATA_DIR at another folder');
    expect(second.stdout).not.toContain('"msg":"ready"');
  });

  it('refuses a backup or restore of the embedded database while the server runs', async () => {
    const file = path.join(target.dataDir, 'while-running.tar.gz');
    const backup = await runUsta(['backup', file], target.env);
    expect(backup.code).not.toBe(0);
    expect(backup.stderr).toContain('is in use by another Usta process');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('the first server goes on serving', async () => {
    expect((await fetch(`${server!.url}/readyz`)).status).toBe(200);
  });
});
