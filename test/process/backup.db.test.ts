import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../backend.js';
import { createDataTarget, createToken, listTokens, runUsta, signIn, startUsta, type DataTarget, PROCESS_TIMEOUT } from './server.js';

let target: DataTarget;
beforeAll(async () => {
  target = await createDataTarget();
}, PROCESS_TIMEOUT);
afterAll(async () => target.remove(), PROCESS_TIMEOUT);

async function withServer<T>(work: (url: string) => Promise<T>): Promise<T> {
  const server = await startUsta(target.env);
  try {
    return await work(server.url);
  } finally {
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  }
}

describe(`usta backup and usta restore (${testBackend()})`, { timeout: PROCESS_TIMEOUT }, () => {
  it('bring back the data as it was when the backup was taken', async () => {
    const file = path.join(target.dataDir, '..', `${path.basename(target.dataDir)}.backup`);
    const { token } = await withServer(async (url) => createToken(url, await signIn(url), 'before the backup'));

    const backup = await runUsta(['backup', file], target.env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`written to ${file}`);
    expect(fs.statSync(file).size).toBeGreaterThan(0);

    await withServer(async (url) => {
      await createToken(url, await signIn(url), 'after the backup');
      expect((await listTokens(url, token)).map((t) => t.name)).toEqual(['before the backup', 'after the backup']);
    });

    const restore = await runUsta(['restore', file], target.env);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`restored from ${file}`);

    await withServer(async (url) => {
      expect((await listTokens(url, token)).map((t) => t.name)).toEqual(['before the backup']);
      await signIn(url);
    });
    fs.rmSync(file, { force: true });
  });

  it('refuses to restore from a file that does not exist', async () => {
    const restore = await runUsta(['restore', path.join(target.dataDir, 'no-such-backup')], target.env);
    expect(restore.code).not.toBe(0);
    expect(restore.stderr).toContain('no such file');
  });
});
