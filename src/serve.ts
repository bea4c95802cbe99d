import type { Config } from './config.js';
import { fail, openForCommand as open } from './cli.js';
import { refreshStatistics } from './db/statistics.js';
import { buildApp, type App } from './app.js';
import { batchedStdout, loggerOptions } from './platform/http/log-options.js';
import { prepareFirstRun } from './demo/first-run.js';
import { mailWorkerFor, type MailWorker } from './platform/mail/worker.js';
import { resumeJobs } from './platform/jobs/runner.js';
import { peopleJobHandlers } from './modules/people/run-people-import.js';
import { attendanceJobHandlers } from './modules/registration/attendance-sheet-job.js';
import { participationArchiveHandlers } from './modules/registration/participation-archive.js';
import { trainingMailPasses } from './modules/registration/reminder-schedule.js';
import { certificationJobHandlers } from './modules/certification/bulk-issue-certificates.js';
import { certificationPasses } from './modules/certification/expire-certificates.js';
import { signMissingCredentialsPass } from './modules/certification/sign-missing-credentials.js';
import { certificationDeps } from './modules/certification/routes.js';
import { Messages } from './platform/i18n/catalogue.js';
import { startSchedule, type Schedule } from './platform/jobs/schedule.js';
import { issuerFor } from './modules/credentials/issuer.js';
import { IssuerKeysError } from './modules/credentials/key-rows.js';

function listenUrl(app: App): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** `usta serve`: migrates, then serves HTTP until SIGTERM or SIGINT, then stops cleanly. */
export async function serve(config: Config): Promise<void> {
  const database = await open(config);
  await database.migrate();
  const firstRun = await prepareFirstRun(database, config);
  await refreshStatistics(database);
  // Opened (and created on a first start) while the app is built; a wrong passphrase stops the start.
  const issuerKeys = issuerFor({ config, database }).keys();
  issuerKeys.catch(() => undefined);
  const messages = new Messages();
  const logLines = batchedStdout();
  const app = await buildApp({ config, database, messages, logger: loggerOptions(config.logLevel, logLines) });
  try {
    await issuerKeys;
  } catch (error) {
    await app.close();
    await database.close();
    if (error instanceof IssuerKeysError) fail(error.message);
    throw error;
  }
  if (!config.keyPassphrase && !config.keyFile) {
    app.log.warn('the issuer keys are stored unencrypted in the database: set USTA_KEY_PASSPHRASE to seal them');
  }
  const trainingDeps = { messages, publicUrl: config.publicUrl };

  let mailWorker: MailWorker | null = null;
  let schedule: Schedule | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: stopping at once');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      app.log.error('requests still in flight after 10 s: stopping anyway');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await app.close();
      await mailWorker?.stop();
      await schedule?.stop();
      await database.close();
      app.log.info('stopped');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      fail(`port ${config.port} on ${config.host} is already in use; set PORT to another one`);
    }
    throw error;
  }
  mailWorker = mailWorkerFor(config, database.db, app.log);
  // Jobs queued, or cut short by a stop, are run again; their writes were rolled back with them.
  if (config.workers) {
    const certDeps = certificationDeps({ messages, config, database });
    void resumeJobs(database.db, { ...peopleJobHandlers, ...attendanceJobHandlers(trainingDeps), ...participationArchiveHandlers(trainingDeps), ...certificationJobHandlers(certDeps) }, app.log).catch((error: unknown) =>
      app.log.error({ err: error }, 'could not resume jobs'),
    );
    schedule = startSchedule([...trainingMailPasses(database.db, trainingDeps), ...certificationPasses(database.db), signMissingCredentialsPass(database.db, certDeps)], app.log);
  }
  const url = listenUrl(app);
  // From the start of the process, module loading included: what someone restarting Usta waits.
  const startupMs = Math.round(performance.now());
  app.log.info({ url, backend: database.kind, startupMs }, 'ready');
  logLines.flush();
  const backend = database.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server';
  const shownUrl = config.port === 0 ? url : config.publicUrl;
  const lines = ['', `Usta is ready at ${shownUrl} (${backend}) in ${startupMs} ms.`, ...firstRun.lines, ''];
  process.stdout.write(lines.join('\n') + '\n');
}

