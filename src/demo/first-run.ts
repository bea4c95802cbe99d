import crypto from 'node:crypto';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { createUser } from '../modules/accounts/create-user.js';
import { countPlatformAdmins, countUsers, findUserByEmail } from '../modules/accounts/repository.js';
import { listAssociations } from '../modules/associations/repository.js';
import { credentialsFor } from '../modules/certification/certificate-credential.js';
import { Messages } from '../platform/i18n/catalogue.js';
import { seedDemo } from './seed-demo.js';

export const DEMO_ADMIN_EMAIL = 'admin@usta.demo';

/**
 * On the first start: loads the demo data (unless USTA_DEMO=0) and makes sure there is a way to sign
 * in — the administrator named by USTA_ADMIN_EMAIL, a demo administrator whose password is printed
 * once, or the first-run setup page. Returns the lines to print on the console.
 */
export async function prepareFirstRun(database: Database, config: Config): Promise<{ lines: string[] }> {
  const { db } = database;
  const lines: string[] = [];
  if (config.demo && (await listAssociations(db)).length === 0) {
    lines.push(await seedDemo(db, credentialsFor({ config, database, messages: new Messages() })));
  }
  if (config.adminEmail && config.adminPassword) {
    if (!(await findUserByEmail(db, config.adminEmail))) {
      await createUser(db, {
        email: config.adminEmail,
        displayName: 'Administrator',
        password: config.adminPassword,
        isPlatformAdmin: true,
      });
      lines.push(`Created the administrator ${config.adminEmail} (password from USTA_ADMIN_PASSWORD).`);
    }
    lines.push(`Sign in at ${config.publicUrl}/sign-in as ${config.adminEmail}.`);
    return { lines };
  }
  // Demo data may include engineers' own accounts; what matters is whether anyone can administer.
  if ((await countPlatformAdmins(db)) > 0) {
    lines.push(`Sign in at ${config.publicUrl}/sign-in.`);
    return { lines };
  }
  if (config.demo) {
    const password = crypto.randomBytes(12).toString('base64url');
    await createUser(db, { email: DEMO_ADMIN_EMAIL, displayName: 'Demo administrator', password, isPlatformAdmin: true });
    lines.push(
      'A demo administrator was created. This password is shown only once:',
      `  e-mail:   ${DEMO_ADMIN_EMAIL}`,
      `  password: ${password}`,
      `Sign in at ${config.publicUrl}/sign-in.`,
    );
    return { lines };
  }
  if ((await countUsers(db)) > 0) {
    lines.push(`No platform administrator yet: set USTA_ADMIN_EMAIL and USTA_ADMIN_PASSWORD and restart.`);
    return { lines };
  }
  lines.push(`No accounts yet: open ${config.publicUrl}/setup to create the first administrator.`);
  return { lines };
}
