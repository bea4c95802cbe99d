import { afterEach, describe, expect, it } from 'vitest';
import { TMP } from '../../test/backend.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { loadConfig } from '../config.js';
import { countPlatformAdmins, countUsers, findUserByEmail } from '../modules/accounts/repository.js';
import { signIn } from '../modules/accounts/sign-in.js';
import { listAssociations } from '../modules/associations/repository.js';
import { DEMO_ADMIN_EMAIL, prepareFirstRun } from './first-run.js';

let database: TestDatabase | null = null;
afterEach(async () => {
  await database?.destroy();
  database = null;
});

const config = (env: Record<string, string>) =>
  loadConfig({ USTA_DATA_DIR: TMP, USTA_PUBLIC_URL: 'https://usta.example.org', ...env });

describe('prepareFirstRun', () => {
  it('with USTA_ADMIN_EMAIL and USTA_ADMIN_PASSWORD, creates that administrator once', async () => {
    database = await createTestDatabase();
    const cfg = config({ USTA_DEMO: '0', USTA_ADMIN_EMAIL: 'ops@example.org', USTA_ADMIN_PASSWORD: 'operator password' });
    const first = await prepareFirstRun(database, cfg);
    expect(first.lines.join('\n')).toContain('Created the administrator ops@example.org');
    expect(first.lines.join('\n')).not.toContain('operator password');
    expect(await findUserByEmail(database.db, 'ops@example.org')).toMatchObject({ isPlatformAdmin: true });
    await expect(signIn(database.db, { email: 'ops@example.org', password: 'operator password' })).resolves.toBeTruthy();
    expect(await listAssociations(database.db)).toEqual([]);

    const second = await prepareFirstRun(database, cfg);
    expect(second.lines.join('\n')).not.toContain('Created');
    expect(await countUsers(database.db)).toBe(1);
  });

  it('in demo mode without an administrator, loads the demo and prints a demo administrator’s password once', async () => {
    database = await createTestDatabase();
    const cfg = config({ USTA_DEMO: '1' });
    const first = await prepareFirstRun(database, cfg);
    const password = /password: (\S+)/.exec(first.lines.join('\n'))?.[1];
    expect(password).toBeTruthy();
    expect(first.lines.join('\n')).toContain(DEMO_ADMIN_EMAIL);
    expect((await listAssociations(database.db)).length).toBeGreaterThan(0);
    const session = await signIn(database.db, { email: DEMO_ADMIN_EMAIL, password: password! });
    expect(session.auth.user.isPlatformAdmin).toBe(true);

    const second = await prepareFirstRun(database, cfg);
    expect(second.lines.join('\n')).not.toContain(password!);
    expect(second.lines.join('\n')).toContain('https://usta.example.org/sign-in');
    expect(await countPlatformAdmins(database.db)).toBe(1);
  });

  it('with USTA_DEMO=0 and no administrator, creates nothing and points to /setup', async () => {
    database = await createTestDatabase();
    const result = await prepareFirstRun(database, config({ USTA_DEMO: '0' }));
    expect(result.lines.join('\n')).toContain('https://usta.example.org/setup');
    expect(await countUsers(database.db)).toBe(0);
    expect(await listAssociations(database.db)).toEqual([]);
  });
});
