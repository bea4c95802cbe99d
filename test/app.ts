import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { addMembership } from '../src/modules/accounts/repository.js';
import { createUser } from '../src/modules/accounts/create-user.js';
import type { Role } from '../src/modules/accounts/tables.js';
import { insertAssociation, type AssociationRow } from '../src/modules/associations/repository.js';
import { Messages } from '../src/platform/i18n/catalogue.js';
import { TMP } from './backend.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const TEST_PASSWORD = 'correct horse battery';

let sharedMessages: Messages | null = null;
/** Catalogues are read once per test file. */
export function testMessages(): Messages {
  sharedMessages ??= new Messages();
  return sharedMessages;
}

export interface TestContext {
  app: App;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({ USTA_DATA_DIR: TMP, USTA_DEMO: '0', USTA_WORKERS: '0', ...env });
  const app = await buildApp({ config, database, messages: testMessages() });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}

/**
 * A second instance of the app on the same database, with its own database handle (its own pool
 * on PostgreSQL), as another server behind the same load balancer would be.
 */
export async function createSecondApp(ctx: TestContext): Promise<{ app: App; close(): Promise<void> }> {
  const database = await ctx.database.reopen();
  const app = await buildApp({ config: ctx.config, database, messages: testMessages() });
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

let counter = 0;
export async function makeAssociation(ctx: TestContext, overrides: Partial<AssociationRow> = {}): Promise<AssociationRow> {
  counter += 1;
  return insertAssociation(ctx.database.db, {
    slug: `assoc-${counter}-${Date.now()}`,
    name: `Association ${counter}`,
    shortName: `A${counter}`,
    country: 'UZ',
    defaultLocale: 'en',
    timeZone: 'Asia/Tashkent',
    ...overrides,
  });
}

export interface Agent {
  email: string;
  userId: string;
  /** Sends a request as this user: session cookie plus CSRF header, like the web app does. */
  request(opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  cookies: Record<string, string>;
  csrfToken: string;
}

/** Creates a user with the given roles and signs them in through the API. */
export async function signedInAgent(
  ctx: TestContext,
  options: { roles?: Array<[associationId: string, role: Role]>; platformAdmin?: boolean; email?: string } = {},
): Promise<Agent> {
  counter += 1;
  const email = options.email ?? `user${counter}.${Date.now()}@example.org`;
  const user = await createUser(ctx.database.db, {
    email,
    displayName: `User ${counter}`,
    password: TEST_PASSWORD,
    isPlatformAdmin: options.platformAdmin ?? false,
  });
  for (const [associationId, role] of options.roles ?? []) await addMembership(ctx.database.db, user.id, associationId, role);
  return signInAgent(ctx, email, user.id);
}

export async function signInAgent(ctx: TestContext, email: string, userId: string, password = TEST_PASSWORD): Promise<Agent> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookies: Record<string, string> = {};
  for (const c of res.cookies) cookies[c.name] = c.value;
  const csrfToken = res.json<{ csrfToken: string }>().csrfToken;
  return {
    email,
    userId,
    cookies,
    csrfToken,
    request: (opts) =>
      ctx.app.inject({
        method: opts.method as 'GET',
        url: opts.url,
        payload: opts.payload as string | object | undefined,
        cookies,
        headers: { 'x-csrf-token': csrfToken, ...opts.headers },
      }),
  };
}
