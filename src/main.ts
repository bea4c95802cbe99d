import { parseArgs } from 'node:util';
import { fail, openForCommand as open } from './cli.js';
import { ConfigError, loadConfig, type Config } from './config.js';
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
    case 'serve': {
      // Before React and the rest load: they pick their production builds (no development checks)
      // from it once, when first imported. An operator's own setting is kept.
      process.env.NODE_ENV ??= 'production';
      // Loaded only here: the other commands start faster without the web application's modules.
      const { serve } = await import('./serve.js');
      return serve(config);
    }
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
      const { credentialsFor } = await import('./modules/certification/certificate-credential.js');
      const { Messages } = await import('./platform/i18n/catalogue.js');
      const result = await seedDemo(database.db, credentialsFor({ config, database, messages: new Messages() }));
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
