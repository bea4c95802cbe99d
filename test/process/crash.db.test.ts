import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../backend.js';
import { createDataTarget, createToken, listTokens, signIn, startUsta, type DataTarget, PROCESS_TIMEOUT } from './server.js';

/** Bounds of the write storm: never more requests, writers or time than these. */
const MAX_REQUESTS = 600;
const WRITERS = 16;
const KILL_AFTER_ACKNOWLEDGED = 120;
const TIME_LIMIT_MS = 60_000;

let target: DataTarget;
beforeAll(async () => {
  target = await createDataTarget();
}, PROCESS_TIMEOUT);
afterAll(async () => target.remove(), PROCESS_TIMEOUT);

describe(`a server killed in the middle of writes (${testBackend()})`, { timeout: PROCESS_TIMEOUT }, () => {
  it('has every acknowledged write after a restart on the same data', async () => {
    const first = await startUsta(target.env);
    const { token } = await createToken(first.url, await signIn(first.url), 'writer');

    const acknowledged: string[] = [];
    let sent = 0;
    let failed = 0;
    let killing: Promise<unknown> | null = null;
    const deadline = Date.now() + TIME_LIMIT_MS;

    const writer = async () => {
      while (sent < MAX_REQUESTS && Date.now() < deadline) {
        const name = `write ${sent++}`;
        try {
          const res = await fetch(`${first.url}/api/v1/tokens`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ name }),
          });
          const body = (await res.json()) as { id: string };
          if (res.status !== 201) throw new Error(`unexpected ${res.status}`);
          acknowledged.push(body.id);
          if (acknowledged.length === KILL_AFTER_ACKNOWLEDGED) killing = first.kill();
        } catch {
          // The server is gone: this write was never acknowledged, and nor will later ones be.
          failed += 1;
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    expect(killing).not.toBeNull();
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
    expect(failed).toBeGreaterThan(0);
    if (target.databaseUrl === null) {
      // The killed server could not release its lock; the restart must take it over.
      const lock = JSON.parse(fs.readFileSync(path.join(target.dataDir, 'usta.lock'), 'utf8')) as { pid: number };
      expect(lock.pid).toBe(first.pid);
    }

    const second = await startUsta(target.env);
    try {
      const stored = new Set((await listTokens(second.url, token)).map((t) => t.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      await createToken(second.url, await signIn(second.url), 'after the restart');
    } finally {
      expect(await second.stop()).toEqual({ code: 0, signal: null });
    }
  });
});
