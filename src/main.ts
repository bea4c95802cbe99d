import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { refreshStatistics } from './db/statistics.js';
import { buildApp, type App } from './app.js';
import { loggerOptions } from './platform/http/log-options.js';
import { prepareFirstRun } from './demo/first-run.js';
import { mailWorkerFor, type MailWorker } from './platform/mail/worker.js';
import { resumeJobs } from './platform/jobs/runner.js';
import { peopleJobHandlers } from './modules/people/run-people-import.js';
import { attendanceJobHandlers } from './modules/registration/attendance-sheet-job.js';
import { trainingMailPasses } from './modules/registration/reminder-schedule.js';
import { certificationJobHandlers } from './modules/certification/bulk-issue-certificates.js';
import { certificationPasses } from './modules/certification/expire-certificates.js';
import { certificationDeps } from './modules/certification/routes.js';
import { Messages } from './platform/i18n/catalogue.js';
import { startSchedule, type Schedule } from './platform/jobs/schedule.js';
import { issuerFor } from './modules/credentials/issuer.js';
import { IssuerKeysError } from './modules/credentials/key-rows.js';

const USAGE = `Usage: usta <command>

Commands:
  serve              run the web server (migrates the database first)
  migrate            apply pending database migrations and exit
  seed-demo          load the demo data into an empty database
  backup <file>      write a backup of the database to <file>
  restore <file>     replace the database with the backup in <file> (the server must be stopped)
  verify <file>      verify a credential: JSON, VC-JWT or certificate PDF (--offline: from the cache)
  keys <command>     the issuer's signing keys: list, rotate [--force], passphrase, withdraw <id>
  audit verify       check that no entry of the audit trail was edited, deleted or reordered

Environment: PORT, DATABASE_URL, USTA_DATA_DIR, USTA_DEMO, USTA_ADMIN_EMAIL, USTA_ADMIN_PASSWORD,
SMTP_URL, USTA_PUBLIC_URL, USTA_KEY_PASSPHRASE, USTA_KEY_FILE (see docs/operations.md).`;

function fail(message: string): never {
  process.stderr.write(`usta: ${message}\n`);
  process.exit(1);
}

async function open(config: Config): Promise<Database> {
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }
}

function listenUrl(app: App): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

async function serve(config: Config): Promise<void> {
  const database = await open(config);
  await database.migrate();
  const firstRun = await prepareFirstRun(database, config);
  await refreshStatistics(database);
  // Opened (and created on a first start) while the app is built; a wrong passphrase stops the start.
  const issuerKeys = issuerFor({ config, database }).keys();
  issuerKeys.catch(() => undefined);
  const messages = new Messages();
  const app = await buildApp({ config, database, messages, logger: loggerOptions(config.logLevel) });
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
    void resumeJobs(database.db, { ...peopleJobHandlers, ...attendanceJobHandlers(trainingDeps), ...certificationJobHandlers(certificationDeps({ messages, config })) }, app.log).catch((error: unknown) =>
      app.log.error({ err: error }, 'could not resume jobs'),
    );
    schedule = startSchedule([...trainingMailPasses(database.db, trainingDeps), ...certificationPasses(database.db)], app.log);
  }
  const url = listenUrl(app);
  // From the start of the process, module loading included: what someone restarting Usta waits.
  const startupMs = Math.round(performance.now());
  app.log.info({ url, backend: database.kind, startupMs }, 'ready');
  const backend = database.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server';
  const shownUrl = config.port === 0 ? url : config.publicUrl;
  const lines = ['', `Usta is ready at ${shownUrl} (${backend}) in ${startupMs} ms.`, ...firstRun.lines, ''];
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, strict: false });
  const [command = 'serve', ...rest] = positionals;
  const argv = process.argv.slice(2);
  // The command's own arguments, options included, for commands that parse them strictly.
  const commandArgs = argv.slice(argv.indexOf(command) + 1);
  if (command === 'verify') {
    // Runs anywhere (an employer's laptop): needs no configuration and no database.
    const { runVerifyCommand } = await import('./modules/credentials/verify-command.js');
    process.exitCode = await runVerifyCommand(commandArgs, {
      env: process.env,
      cwd: process.cwd(),
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    });
    return;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const database = await open(config);
      await database.migrate();
      await database.close();
      process.stdout.write('Migrations applied.\n');
      return;
    }
    case 'seed-demo': {
      const database = await open(config);
      await database.migrate();
      const { seedDemo } = await import('./demo/seed-demo.js');
      const result = await seedDemo(database.db);
      await database.close();
      process.stdout.write(`${result}\n`);
      return;
    }
    case 'backup':
    case 'restore': {
      const file = rest[0];
      if (!file) fail(`${command} needs a file name\n\n${USAGE}`);
      const { backup, restore } = await import('./db/backup.js');
      const message = command === 'backup' ? await backup(config, file) : await restore(config, file);
      process.stdout.write(`${message}\n`);
      return;
    }
    case 'keys': {
      const { runKeysCommand } = await import('./modules/credentials/keys-command.js');
      try {
        process.exitCode = await runKeysCommand(commandArgs, { config, env: process.env, open: () => open(config), out: (text) => process.stdout.write(text) });
      } catch (error) {
        if (error instanceof IssuerKeysError) fail(error.message);
        throw error;
      }
      return;
    }
    case 'audit': {
      const { values } = parseArgs({ args: commandArgs, allowPositionals: true, options: { anchor: { type: 'string' } } });
      const { parseAnchor, runAuditVerify } = await import('./modules/audit/audit-command.js');
      const anchor = values.anchor === undefined ? undefined : parseAnchor(values.anchor);
      if (commandArgs[0] !== 'verify' || anchor === null) fail('usage: usta audit verify [--anchor <entry>:<hash>]');
      const database = await open(config);
      try {
        await database.migrate();
        process.exitCode = await runAuditVerify(database.db, (text) => process.stdout.write(text), anchor);
      } finally {
        await database.close();
      }
      return;
    }
    case 'help':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      fail(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`usta: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
