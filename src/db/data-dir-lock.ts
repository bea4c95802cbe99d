import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: string,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Usta process (${holder}). ` +
        'Two processes on one embedded database would corrupt it: stop the other one, ' +
        'or point USTA_DATA_DIR at another folder.',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

function isStale(owner: LockOwner | null): boolean {
  if (owner === null) return true;
  return owner.host === os.hostname() && !isAlive(owner.pid);
}

/**
 * An exclusive lock on a data folder, held for the life of the process. The lock file is created
 * with link(2), which fails atomically when it exists; a lock left by a process that died (same
 * host, PID gone) is moved aside by rename(2), which only one contender can win.
 */
export function lockDataDir(dataDir: string): { release(): void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'usta.lock');
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  const tmp = `${lockFile}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, JSON.stringify(me));
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        fs.linkSync(tmp, lockFile);
        return {
          release() {
            const owner = readOwner(lockFile);
            if (owner?.pid === process.pid && owner.host === me.host) fs.rmSync(lockFile, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = readOwner(lockFile);
      if (!isStale(owner)) {
        throw new DataDirLockedError(dataDir, owner ? `pid ${owner.pid} on ${owner.host}` : 'unknown');
      }
      const aside = `${lockFile}.stale.${crypto.randomBytes(4).toString('hex')}`;
      try {
        fs.renameSync(lockFile, aside);
      } catch {
        continue;
      }
      const moved = readOwner(aside);
      if (isStale(moved)) {
        fs.rmSync(aside, { force: true });
      } else {
        // Another process took the lock between our read and the rename: give it back.
        try {
          fs.linkSync(aside, lockFile);
        } finally {
          fs.rmSync(aside, { force: true });
        }
      }
    }
    const owner = readOwner(lockFile);
    throw new DataDirLockedError(dataDir, owner ? `pid ${owner.pid} on ${owner.host}` : 'unknown');
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
