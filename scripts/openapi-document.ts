import os from 'node:os';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createPglite, openDatabase } from '../src/db/client.js';

/** Object keys in code-point order at every depth, so the document only changes when the API does. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * The OpenAPI document of the API as the code declares it, serialised stably. Built from the app
 * itself (an in-memory database, no listening socket) with a fixed configuration, so the result
 * does not depend on the environment.
 */
export async function openApiDocument(): Promise<string> {
  const config = loadConfig({ USTA_DATA_DIR: os.tmpdir(), USTA_DEMO: '0', USTA_WORKERS: '0' });
  const pglite = await createPglite();
  const database = await openDatabase({ databaseUrl: null, dataDir: config.dataDir, pglite });
  const app = await buildApp({ config, database });
  try {
    await app.ready();
    return `${JSON.stringify(sortKeys(app.swagger()), null, 2)}\n`;
  } finally {
    await app.close();
    await database.close();
  }
}
