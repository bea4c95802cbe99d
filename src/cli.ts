import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { DataDirLockedError } from './db/data-dir-lock.js';

/** Ends a command with a message for the person who ran it, and a non-zero status. */
export function fail(message: string): never {
  process.stderr.write(`usta: ${message}\n`);
  process.exit(1);
}

/** Opens the configured database; a data folder held by another process ends the command with the reason. */
export async function openForCommand(config: Config): Promise<Database> {
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }
}
