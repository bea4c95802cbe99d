import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.js';
import { lockDataDir } from './data-dir-lock.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What repositories take: the database, or a transaction a use case opened. */
export type DbOrTx = Db | Tx;

export type BackendKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: BackendKind;
  readonly db: Db;
  /** Runs pending migrations; safe to call from several instances at once. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Calls `onNotify` with the payload of each NOTIFY on `channel` once its transaction commits, from
   * any instance on this database, and `onListening` each time listening (re)starts: notifications
   * sent while it was not listening are lost, so what they would have invalidated must be dropped.
   * `onLost` is called when the listening connection is lost, until it is back. Resolves to a
   * function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void, onListening: () => void, onLost?: () => void): Promise<() => Promise<void>>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
/** Arbitrary constant identifying the migration advisory lock. */
const MIGRATION_LOCK_KEY = 7_304_185_221;

export interface OpenOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** Tests pass a PGlite instance they prepared (from a template dump). */
  pglite?: PGlite;
  poolSize?: number;
}

export function pgliteDataPath(dataDir: string): string {
  return path.join(dataDir, 'pg');
}

export async function createPglite(dataPath?: string, loadDataDir?: Blob | File): Promise<PGlite> {
  return PGlite.create({
    ...(dataPath === undefined ? {} : { dataDir: dataPath }),
    ...(loadDataDir === undefined ? {} : { loadDataDir }),
    extensions: { pg_trgm },
  });
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const lock = options.pglite ? null : lockDataDir(options.dataDir);
  let client: PGlite;
  try {
    client = options.pglite ?? (await createPglite(pgliteDataPath(options.dataDir)));
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async migrate() {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
    },
    async ping() {
      await client.query('select 1');
    },
    async listen(channel, onNotify, onListening) {
      // One process owns the data folder, so this one connection sees every notification.
      const stop = await client.listen(channel, onNotify);
      onListening();
      return async () => {
        if (!client.closed) await stop();
      };
    },
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async migrate() {
      const conn = await pool.connect();
      try {
        await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrateNodePg(drizzleNodePg({ client: conn, schema }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        conn.release();
      }
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    listen: (channel, onNotify, onListening, onLost) => listenOnPostgres(url, channel, onNotify, onListening, onLost),
    async close() {
      await pool.end();
    },
  };
}

const RELISTEN_FIRST_MS = 500;
const RELISTEN_MAX_MS = 30_000;

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries), opened again
 * with growing pauses whenever it is lost.
 */
async function listenOnPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onListening: () => void,
  onLost?: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let pause = RELISTEN_FIRST_MS;
  let timer: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const connection = new pg.Client({ connectionString: url });
    client = connection;
    let lost = false;
    const reconnect = () => {
      if (lost) return;
      lost = true;
      connection.removeAllListeners('notification');
      onLost?.();
      void connection.end().catch(() => undefined);
      if (stopped) return;
      timer = setTimeout(() => void connect().catch(() => undefined), pause);
      timer.unref();
      pause = Math.min(pause * 2, RELISTEN_MAX_MS);
    };
    connection.on('error', reconnect);
    connection.on('end', reconnect);
    connection.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    try {
      await connection.connect();
      await connection.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      reconnect();
      throw error;
    }
    pause = RELISTEN_FIRST_MS;
    onListening();
  };
  // The first connection must work: a wrong URL shows at start, not as pages that never change.
  try {
    await connect();
  } catch (error) {
    stopped = true;
    if (timer) clearTimeout(timer);
    throw error;
  }
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const last = client;
    client = null;
    await last?.end().catch(() => undefined);
  };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}
