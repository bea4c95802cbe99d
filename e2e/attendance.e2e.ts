import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, signInAs, startServer, type Browser, type TestServer } from './harness.js';

/**
 * Staff run attendance for the demo's training weeks: check people in at the door of the upcoming
 * Nur-Sultan session by typed ticket code (twice, and a waitlisted one), tick a day, then on a past
 * Tashkent session withdraw one completion with a reason, read its history, download a certificate
 * and see the public verification page say "withdrawn".
 */

let server: TestServer;
let browser: Browser;
let page: Page;

interface SessionItem {
  id: string;
  slug: string;
}

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
  page = browser.page;
  await signInAs(page, server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const heading = () => page.getByRole('heading', { level: 1 }).innerText();
const dialog = () => page.getByRole('dialog');

async function sessionBySlug(prefix: string): Promise<SessionItem> {
  const sessions = (await (await page.request.get(`${server.url}/api/v1/sessions?pageSize=100`)).json()) as { items: SessionItem[] };
  return sessions.items.find((s) => s.slug.startsWith(prefix))!;
}

async function registrations(sessionId: string, status: string) {
  const res = await page.request.get(`${server.url}/api/v1/sessions/${sessionId}/registrations?status=${status}`);
  return ((await res.json()) as { items: Array<{ fullName: string; ticketCode: string }> }).items;
}

describe('attendance at the door', () => {
  let session: SessionItem;

  it('opens from the session screen on the tick list', async () => {
    session = await sessionBySlug('rainwater-nursultan');
    await page.goto(`${server.url}/app/events/sessions/${session.id}`);
    await page.getByRole('link', { name: 'Attendance and completion' }).click();
    await expect.poll(heading).toMatch(/^Attendance: /);
    await page.getByRole('table').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('checks a registrant in by typed code, says so again without changing anything, and refuses a waitlisted one', async () => {
    await page.getByRole('link', { name: 'Check-in', exact: true }).click();
    await expect.poll(heading).toMatch(/^Check-in: /);
    // The session is next week: there is no day today, so staff choose the first one.
    await page.getByLabel('Day').selectOption({ index: 1 });
    const [someone] = await registrations(session.id, 'confirmed');
    const typed = someone!.ticketCode.toLowerCase().replace('-', ' ');
    await page.getByLabel('Ticket code').fill(typed);
    await page.getByRole('button', { name: 'Check in' }).click();
    const status = page.getByRole('status').filter({ hasText: someone!.fullName });
    await status.getByText(/^Checked in for /).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Ticket code').fill(someone!.ticketCode);
    await page.getByRole('button', { name: 'Check in' }).click();
    await status.getByText(/^Already checked in for /).waitFor();

    const full = await sessionBySlug('wastewater-nursultan');
    const waiting = (await registrations(full.id, 'waitlisted'))[0]!;
    await page.goto(`${server.url}/app/events/sessions/${full.id}/check-in`);
    await page.getByLabel('Day').selectOption({ index: 1 });
    await page.getByLabel('Ticket code').fill(waiting.ticketCode);
    await page.getByRole('button', { name: 'Check in' }).click();
    await page.getByRole('alert').getByText(`${waiting.fullName} is on the waiting list, not confirmed: no seat, no check-in.`).waitFor();
  });

  it('shows the check-in on the tick list, where a tick is saved at once', async () => {
    await page.goto(`${server.url}/app/events/sessions/${session.id}/attendance`);
    const ticked = page.getByRole('checkbox', { checked: true });
    await expect.poll(() => ticked.count()).toBe(1);
    const box = page.getByRole('checkbox', { checked: false }).first();
    const label = (await box.getAttribute('aria-label'))!;
    await box.check();
    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: label }).isChecked()).toBe(true);
  });
});

describe('completion of a past session', () => {
  let session: SessionItem;

  it('lists everyone completed; a decision needs a reason and is kept in the history', async () => {
    session = await sessionBySlug('rainwater-tashkent');
    await page.goto(`${server.url}/app/events/sessions/${session.id}/completions`);
    await expect.poll(heading).toMatch(/^Completion: /);
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Decide…' }) }).first();
    const name = (await row.getByRole('rowheader').innerText()).split('\n')[0]!;
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole('button', { name: 'Decide…' }).click();
    await dialog().getByLabel('Not completed').check();
    await dialog().getByRole('button', { name: 'Save the decision' }).click();
    await dialog().getByText('Give the reason for the decision.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByLabel('Reason').fill('Left on the first morning; the signature on day 2 is not theirs');
    await dialog().getByRole('button', { name: 'Save the decision' }).click();
    await page.getByText('Decision saved in the history.').waitFor();

    const same = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: name }) });
    await same.getByText('Not completed').waitFor();
    await same.getByRole('button', { name: 'History' }).click();
    await same.getByText(/decided by staff: Not completed — “Left on the first morning/).waitFor();
  });

  it('downloads a completer’s certificate, and the public page of the withdrawn one says so', async () => {
    const completer = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Certificate (PDF)' }) }).first();
    const waiting = page.waitForEvent('download');
    await completer.getByRole('link', { name: 'Certificate (PDF)' }).click();
    const download = await waiting;
    expect(download.suggestedFilename()).toMatch(/^certificate-[2-9A-Z]{4}(-[2-9A-Z]{4}){3}\.pdf$/);
    expect(fs.readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');

    const list = (await (await page.request.get(`${server.url}/api/v1/sessions/${session.id}/completions`)).json()) as {
      items: Array<{ completed: boolean; overridden: boolean; verificationCode: string }>;
    };
    const withdrawn = list.items.find((i) => i.overridden && !i.completed)!;
    await page.goto(`${server.url}/verify/participation/${withdrawn.verificationCode}`);
    await page.getByText('Withdrawn', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
