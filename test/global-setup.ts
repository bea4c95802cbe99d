import fs from 'node:fs';
import pg from 'pg';
import { createPglite, openDatabase } from '../src/db/client.js';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE, TMP, testServerUrl } from './backend.js';

/** Migrates one template database per back-end before any test file runs. */
export default async function setup(project: { name: string }): Promise<void> {
  fs.mkdirSync(TMP, { recursive: true });
  if (project.name === 'pg') {
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    try {
      await admin.query(`update pg_database set datistemplate = false where datname = '${PG_TEMPLATE_DB}'`);
      await admin.query(`drop database if exists ${PG_TEMPLATE_DB}`);
      await admin.query(`create database ${PG_TEMPLATE_DB}`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ databaseUrl: testServerUrl(PG_TEMPLATE_DB), dataDir: TMP, poolSize: 1 });
    await database.migrate();
    await database.close();
    return;
  }
  const pglite = await createPglite();
  const database = await openDatabase({ databaseUrl: null, dataDir: TMP, pglite });
  await database.migrate();
  const dump = await pglite.dumpDataDir('gzip');
  fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
