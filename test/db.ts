import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { createPglite, openDatabase, type Database } from '../src/db/client.js';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE, TMP, testBackend, testServerUrl } from './backend.js';

export interface TestDatabase extends Database {
  /** Closes the connection and removes the database. */
  destroy(): Promise<void>;
  /** A second handle on the same database, as another instance of the app would open (closing it leaves this one open). */
  reopen(): Promise<Database>;
}

/**
 * A fresh, migrated, empty database for one test file on the back-end this run targets
 * (USTA_TEST_BACKEND): an in-memory PGlite loaded from the template dump, or a PostgreSQL
 * database cloned from the template database.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testBackend() === 'postgres') {
    const name = `usta_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: testServerUrl(name), dataDir: TMP, poolSize: 20 });
    return {
      ...database,
      reopen: () => openDatabase({ databaseUrl: testServerUrl(name), dataDir: TMP, poolSize: 5 }),
      async destroy() {
        await database.close();
        const cleanup = new pg.Client({ connectionString: testServerUrl() });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const pglite = await createPglite(undefined, new Blob([fs.readFileSync(PGLITE_TEMPLATE)]));
  const database = await openDatabase({ databaseUrl: null, dataDir: TMP, pglite });
  return {
    ...database,
    destroy: () => database.close(),
    async reopen() {
      // One embedded database per process: the second handle shares its engine, as a second app in this process would.
      const another = await openDatabase({ databaseUrl: null, dataDir: TMP, pglite });
      return { ...another, close: async () => undefined };
    },
  };
}
