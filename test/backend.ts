import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type TestBackend = 'pglite' | 'postgres';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const TMP = path.join(ROOT, '.tmp', 'test');
/** A migrated, empty embedded database, dumped once per run and loaded by every test file. */
export const PGLITE_TEMPLATE = path.join(TMP, 'pglite-template.tgz');
/** A migrated, empty database on the test server, cloned (CREATE DATABASE … TEMPLATE) per test file. */
export const PG_TEMPLATE_DB = 'usta_test_template';

export function testBackend(): TestBackend {
  return process.env.USTA_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';
}

export function testServerUrl(database = 'postgres'): string {
  const base = process.env.USTA_TEST_PG_URL;
  if (!base) {
    throw new Error(
      'USTA_TEST_PG_URL is not set: the PostgreSQL tests need a server. Run them through `npm test` ' +
        '(which starts a throw-away cluster) or set USTA_TEST_PG_URL=postgres://user@host:port/postgres.',
    );
  }
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}
