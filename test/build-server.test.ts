import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverBuildState } from '../scripts/build-server.mjs';

let root: string;
let dir: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-build-'));
  dir = path.join(root, 'dist', 'server');
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'main.ts'), 'export {};\n');
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A build as the build script leaves it, made `agoMs` before now from src/main.ts. */
function built(agoMs: number): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.js'), '');
  const startedAt = Date.now() - agoMs;
  fs.writeFileSync(path.join(dir, 'build.json'), JSON.stringify({ startedAt, inputs: ['src/main.ts'], outputs: ['main.js'] }));
  const before = new Date(startedAt - 60_000);
  fs.utimesSync(path.join(root, 'src', 'main.ts'), before, before);
}

describe('whether the compiled server is current', () => {
  it('is current when no source it was built from changed since', () => {
    built(1_000);
    expect(serverBuildState(root, dir)).toEqual({ current: true });
  });

  it('is not when it was never built', () => {
    expect(serverBuildState(root, dir)).toEqual({ current: false, reason: 'dist/server has not been built' });
  });

  it('is not when its entry point is missing', () => {
    built(1_000);
    fs.rmSync(path.join(dir, 'main.js'));
    expect(serverBuildState(root, dir).current).toBe(false);
  });

  it('is not when a source changed after the build started', () => {
    built(60_000);
    fs.writeFileSync(path.join(root, 'src', 'main.ts'), 'export const changed = true;\n');
    expect(serverBuildState(root, dir)).toEqual({ current: false, reason: 'src/main.ts changed after the build' });
  });

  it('is not when a source it was built from is gone', () => {
    built(1_000);
    fs.rmSync(path.join(root, 'src', 'main.ts'));
    expect(serverBuildState(root, dir)).toEqual({ current: false, reason: 'src/main.ts is gone' });
  });
});
