import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, signInAs, startServer, type Browser, type TestServer } from './harness.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('smoke', () => {
  it('the sign-in page loads in Chromium with a title, and has no serious accessibility problem', async () => {
    const response = await browser.page.goto(`${server.url}/sign-in`);
    expect(response?.status()).toBe(200);
    expect((await browser.page.title()).trim()).not.toBe('');
    expect(await browser.page.locator('input[name="password"]').count()).toBe(1);
    expect(await axeViolations(browser.page)).toEqual([]);
  });

  it('the administrator can sign in', async () => {
    await signInAs(browser.page, server);
    expect(new URL(browser.page.url()).pathname).not.toBe('/sign-in');
  });
});
