import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ADMIN, startUsta, type UstaServer } from '../test/process/server.js';

/** Debian's Chromium; `npm test` installs it when it is missing. */
export const CHROMIUM = '/usr/bin/chromium';

/** Quiet, offline, reproducible: no GPU, no QUIC, no first-run pages, no calls home. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export { ADMIN };

export interface TestServer extends UstaServer {
  dataDir: string;
  /** The administrator the server was started with. */
  admin: { email: string; password: string };
  /** Stops the server (SIGTERM) and removes its data folder. */
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Load the demo data on first start (USTA_DEMO=1). Off by default. */
  demo?: boolean;
  /** More environment for the server, e.g. { USTA_DEFAULT_LOCALE: 'ru' }. */
  env?: Record<string, string>;
}

/**
 * A real `usta serve` on the embedded database in a fresh folder, listening on a free loopback
 * port, with the administrator ADMIN. The web app must have been built (`npm run build:web`).
 */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-e2e-'));
  const server = await startUsta({ USTA_DATA_DIR: dataDir, USTA_DEMO: options.demo ? '1' : '0', ...options.env });
  return Object.assign(server, {
    dataDir,
    admin: { ...ADMIN },
    async close() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export interface Browser {
  context: BrowserContext;
  /** The first tab, ready to use. */
  page: Page;
  close(): Promise<void>;
}

/** Launches Debian's Chromium, headless, with a fresh profile that is deleted on close. */
export async function launchBrowser(options: { locale?: string } = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run the browser tests through \`npm test\`, or apt-get install chromium`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    locale: options.locale ?? 'en-GB',
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the sign-in page, as a person would. */
export async function signInAs(page: Page, server: TestServer, email = server.admin.email, password = server.admin.password): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  const form = page.locator('form:has(input[name="password"])');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is now and returns the serious and critical violations (each
 * with the selectors of the offending elements). Injected through the DevTools protocol, so the
 * page's Content-Security-Policy stays as it is.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Axe = {
      run(context: Document): Promise<{
        violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
      }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
