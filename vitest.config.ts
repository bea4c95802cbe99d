import { defineConfig } from 'vitest/config';

/**
 * Projects:
 *  - unit:     pure functions and the PGlite back-end (each file gets its own database cloned from a template),
 *              and real `usta` processes (test/process: lock, shutdown, logs, backup, crash)
 *  - pg:       the same database and process tests against a real PostgreSQL server (USTA_TEST_PG_URL)
 *  - e2e:      browser journeys in Debian's Chromium
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Vitest's default leaves a core idle on a 2-core machine; these files wait on database servers and child processes.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'pg',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          env: { USTA_TEST_BACKEND: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Vitest's default leaves a core idle on a 2-core machine; these files wait on database servers and child processes.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
