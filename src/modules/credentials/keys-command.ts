import { parseArgs } from 'node:util';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { auditKeys } from './key-rows.js';
import { changeKeyPassphrase } from './change-key-passphrase.js';
import { didWebFromUrl } from './did-document.js';
import type { PublicKey } from './key-pairs.js';
import { openIssuerKeys } from './open-issuer-keys.js';
import { listSigningKeys } from './repository.js';
import { rotateDatabaseKeys } from './rotate-issuer-keys.js';
import { withdrawIssuerKey } from './withdraw-issuer-key.js';

export const KEYS_USAGE = `Usage: usta keys list
       usta keys rotate [--force]
       usta keys passphrase          (reseals with USTA_NEW_KEY_PASSPHRASE)
       usta keys withdraw <key id>`;

export interface KeysCommandContext {
  config: Config;
  env: Record<string, string | undefined>;
  open: () => Promise<Database>;
  out: (text: string) => void;
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') : '');

async function list(database: Database, config: Config, did: string): Promise<string> {
  if (config.keyFile) {
    const store = await openIssuerKeys(database.db, { controller: did, passphrase: config.keyPassphrase, keyFile: config.keyFile });
    const rows = store.listKeys().map((k) => `  ${k.status.padEnd(9)} ${k.algorithm.padEnd(8)} ${k.id}  created ${k.createdAt.slice(0, 10)}`);
    return [`Issuer ${did}, keys in ${config.keyFile}:`, ...rows].join('\n');
  }
  const rows = await listSigningKeys(database.db);
  const lines = rows.map(
    (r) =>
      `  ${r.status.padEnd(9)} ${r.algorithm.padEnd(8)} ${r.id}  created ${day(r.createdAt)}` +
      `${r.retiredAt ? `, retired ${day(r.retiredAt)}` : ''}${r.withdrawnAt ? `, withdrawn ${day(r.withdrawnAt)}` : ''}` +
      `${r.status === 'current' ? (r.privateKey?.sealed ? ' (sealed)' : ' (UNENCRYPTED)') : ''}`,
  );
  return [`Issuer ${did}, keys in the database (current and retired ones are published in /.well-known/did.json):`, ...lines].join('\n');
}

/** `usta keys …` for operators: list, rotate, change the passphrase, withdraw a leaked key. */
export async function runKeysCommand(args: string[], ctx: KeysCommandContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } });
  const [sub, ...rest] = positionals;
  const { config } = ctx;
  const did = didWebFromUrl(config.publicUrl);
  if (!sub || !['list', 'rotate', 'passphrase', 'withdraw'].includes(sub)) {
    ctx.out(`${KEYS_USAGE}\n`);
    return 2;
  }
  const database = await ctx.open();
  try {
    await database.migrate();
    switch (sub) {
      case 'list':
        ctx.out(`${await list(database, config, did)}\n`);
        return 0;
      case 'rotate': {
        let fresh: PublicKey[];
        if (config.keyFile) {
          const store = await openIssuerKeys(database.db, { controller: did, passphrase: config.keyPassphrase, keyFile: config.keyFile });
          const retired = store.listKeys().filter((k) => k.status === 'current');
          fresh = await store.rotate();
          const now = new Date();
          await database.db.transaction(async (tx) => {
            await auditKeys(tx, 'cli', 'retired', retired, now);
            await auditKeys(tx, 'cli', 'created', fresh, now);
          });
        } else {
          fresh = await rotateDatabaseKeys(database.db, { controller: did, passphrase: config.keyPassphrase, actor: 'cli', force: values.force === true });
        }
        ctx.out(
          [
            `New current keys for ${did}:`,
            ...fresh.map((k) => `  ${k.algorithm.padEnd(8)} ${k.id}`),
            'The previous keys are retired: still published, so what they signed keeps verifying.',
            config.databaseUrl && !config.keyFile
              ? 'Running instances sign with the new keys within 30 seconds.'
              : 'Start Usta again to sign with the new keys.',
          ].join('\n') + '\n',
        );
        return 0;
      }
      case 'passphrase': {
        const next = ctx.env.USTA_NEW_KEY_PASSPHRASE;
        if (config.keyFile) throw new Error('With USTA_KEY_FILE, change the passphrase of the key file itself');
        if (!next) {
          ctx.out('Set USTA_NEW_KEY_PASSPHRASE to the new passphrase (and USTA_KEY_PASSPHRASE to the current one, if any).\n');
          return 2;
        }
        const count = await changeKeyPassphrase(database.db, { from: config.keyPassphrase, to: next, actor: 'cli' });
        ctx.out(`${count} current keys resealed. Set USTA_KEY_PASSPHRASE to the new passphrase on every instance, then restart them.\n`);
        return 0;
      }
      case 'withdraw': {
        const id = rest[0];
        if (!id) {
          ctx.out(`${KEYS_USAGE}\n`);
          return 2;
        }
        await withdrawIssuerKey(database.db, { id, actor: 'cli' });
        ctx.out(`Withdrawn: ${id} is no longer in the DID document, and every credential it signed now fails verification.\n`);
        return 0;
      }
    }
    return 2;
  } finally {
    await database.close();
  }
}
