import { afterAll, beforeAll } from 'vitest';
import { createDataTarget, PROCESS_TIMEOUT, startUsta, type DataTarget, type UstaServer } from './server.js';

export interface FileServer {
  /** The running server; throws once it was stopped. */
  live: () => UstaServer;
  /** Its data folder (and database on PostgreSQL). */
  target: () => DataTarget;
  /** A test stopped it itself: nothing is left to kill afterwards. */
  stopped: () => void;
}

/** One `usta serve` for the tests of a file: started before them; killed, and its data removed, after. */
export function serverForFile(env: Record<string, string> = {}): FileServer {
  let target: DataTarget | null = null;
  let server: UstaServer | null = null;
  beforeAll(async () => {
    target = await createDataTarget();
    server = await startUsta({ ...target.env, ...env }, PROCESS_TIMEOUT);
  }, PROCESS_TIMEOUT);
  afterAll(async () => {
    await server?.kill();
    await target?.remove();
  }, PROCESS_TIMEOUT);
  return {
    live: () => {
      if (!server) throw new Error('the server is not running');
      return server;
    },
    target: () => {
      if (!target) throw new Error('no data target yet');
      return target;
    },
    stopped: () => {
      server = null;
    },
  };
}
