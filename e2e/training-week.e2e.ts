import fs from 'node:fs';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCertificateText } from '../src/platform/pdf/visible-fields.js';
import { launchBrowser, signInAs, startServer, type Browser, type TestServer } from './harness.js';

/**
 * A training week from the first screen to the certificate: staff create a course, an event and a
 * session with three seats; a visitor registers in Uzbek, two more fill the seats, a fourth (in
 * Russian) lands on the waiting list; one cancels through the link in her mail and the fourth is
 * promoted (and told so, in Russian); staff check the three in at the door by typed code, the
 * completion is computed, and the Uzbek participant downloads her certificate from her ticket.
 */

const ZONE = 'Asia/Tashkent';
/** Written with U+02BB, as Uzbek Latin is. */
const UZBEK_NAME = 'Gʻulnora Oʻrinboyeva';
const COURSE = { en: 'Leak detection in water networks', uz: 'Suv tarmoqlarida sizib chiqishni aniqlash' };
const EVENT = 'Water week';

interface Visitor {
  name: string;
  email: string;
  /** The page language the visitor chooses; English when absent. */
  language?: { label: string; locale: string };
  /** Their ticket page, where the registration led them (the same address their mail gives). */
  ticketUrl?: string;
  ticketCode?: string;
}

const visitors: Visitor[] = [
  { name: UZBEK_NAME, email: 'gulnora.orinboyeva@example.uz', language: { label: 'Oʻzbekcha', locale: 'uz' } },
  { name: 'Laura Bērziņa', email: 'laura.berzina@example.lv' },
  { name: 'Timur Akhmedov', email: 'timur.akhmedov@example.uz' },
  { name: 'Айгерим Сапарова', email: 'aigerim.saparova@example.kz', language: { label: 'Русский', locale: 'ru' } },
];
const [uzbek, leaving, third, fourth] = visitors as [Visitor, Visitor, Visitor, Visitor];

let server: TestServer;
let staffBrowser: Browser;
let visitorBrowser: Browser;
/** Staff, signed in, in English. */
let staff: Page;
/** Visitors, one after another in the same browser, each with fresh cookies and no account. */
let visitor: Page;
let sessionUrl: string;
let publicPath: string;

/** The calendar date `days` from now on the clocks of the session's place, as YYYY-MM-DD. */
function dateIn(zone: string, days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

/** A link from a mail (written with the server's public address) opened on the server under test. */
function onServer(href: string): string {
  const url = new URL(href);
  return `${server.url}${url.pathname}${url.search}${url.hash}`;
}

beforeAll(async () => {
  server = await startServer({ demo: true });
  staffBrowser = await launchBrowser();
  visitorBrowser = await launchBrowser();
  staff = staffBrowser.page;
  visitor = visitorBrowser.page;
  await signInAs(staff, server);
});

afterAll(async () => {
  await visitorBrowser?.close();
  await staffBrowser?.close();
  await server?.close();
});

const heading = (page: Page) => () => page.getByRole('heading', { level: 1 }).innerText();

/**
 * Opens the newest mail to `to` whose subject matches, from the administrators' outbox, paging
 * back as a person would (the demo's background passes queue mail of their own meanwhile).
 */
async function openMail(to: string, subject: RegExp): Promise<string> {
  await staff.goto(`${server.url}/admin/outbox`);
  const link = staff.getByRole('row').filter({ hasText: to }).getByRole('link', { name: subject }).first();
  const next = staff.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next' });
  // Each page is rendered whole by the server, so what is not on it is not coming.
  for (let page = 2; (await link.count()) === 0; page++) {
    if ((await next.count()) === 0) throw new Error(`no mail to ${to} matching ${String(subject)} in the outbox`);
    await Promise.all([staff.waitForURL((url) => url.searchParams.get('page') === String(page)), next.click()]);
  }
  await link.click();
  const text = staff.locator('pre.mail-text');
  await text.waitFor();
  return text.innerText();
}

describe('staff prepare the week', () => {
  it('add a course with its title in English and Uzbek', async () => {
    await staff.goto(`${server.url}/app/catalogue`);
    await staff.getByRole('link', { name: 'Add a course' }).click();
    await expect.poll(heading(staff)).toBe('New course');
    await staff.getByLabel('Title — English').fill(COURSE.en);
    await staff.getByRole('group', { name: 'Language of “Title”' }).getByRole('button', { name: /^Oʻzbekcha/ }).click();
    await staff.getByLabel('Title — Oʻzbekcha').fill(COURSE.uz);
    await staff.getByRole('textbox', { name: 'Code', exact: true }).fill('WK-LEAK');
    await staff.getByRole('textbox', { name: 'Hours', exact: true }).fill('8');
    await staff.getByLabel('Status').selectOption('published');
    await staff.getByRole('button', { name: 'Save' }).click();
    await expect.poll(heading(staff)).toBe(COURSE.en);
  });

  it('add an event and publish it', async () => {
    await staff.goto(`${server.url}/app/events`);
    await staff.getByRole('link', { name: 'New event' }).click();
    await expect.poll(heading(staff)).toBe('New event');
    await staff.getByLabel('Title — English').fill(EVENT);
    await staff.getByLabel('First day').fill(dateIn(ZONE, 1));
    await staff.getByLabel('Last day').fill(dateIn(ZONE, 5));
    await staff.getByLabel('City').fill('Tashkent');
    await staff.getByLabel('Time zone').selectOption(ZONE);
    await staff.getByRole('button', { name: 'Save' }).click();
    await expect.poll(heading(staff)).toBe(EVENT);
    await staff.getByRole('button', { name: 'Publish' }).click();
    await staff.getByText('Published: the public page and registration are open.').waitFor();
  });

  it('add a one-day session with three seats, free of charge, and publish it', async () => {
    await staff.getByRole('link', { name: 'Add a session' }).click();
    await expect.poll(heading(staff)).toBe('New session');
    await staff.getByRole('combobox', { name: 'Course', exact: true }).selectOption({ label: `${COURSE.en} (WK-LEAK)` });
    // Added from the event, the session belongs to it.
    await expect.poll(() => staff.getByRole('combobox', { name: 'Event', exact: true }).locator('option:checked').innerText()).toBe(EVENT);
    await staff.getByLabel('Language of instruction').selectOption('uz');
    await staff.getByRole('textbox', { name: 'Venue', exact: true }).fill('Tashkent State Technical University, hall 2');
    await staff.getByLabel('City').fill('Tashkent');
    await staff.getByLabel('Time zone').selectOption(ZONE);
    await staff.getByLabel(/^Date/).fill(dateIn(ZONE, 2));
    await staff.getByRole('spinbutton', { name: 'Seats', exact: true }).fill('3');
    await staff.getByRole('button', { name: 'Save' }).click();
    await expect.poll(heading(staff)).toBe(COURSE.en);
    sessionUrl = staff.url();
    await staff.getByRole('button', { name: 'Publish' }).click();
    await staff.getByText('Published: the public page and registration are open.').waitFor();
    publicPath = new URL((await staff.getByRole('link', { name: 'Public page' }).getAttribute('href'))!, server.url).pathname;
    expect(publicPath).toMatch(/^\/sessions\/acec-uz\//);
  });
});

/** One visitor, with fresh cookies, opens the session's public page and registers. */
async function register(person: Visitor, expect_: { heading: string; button: string; labels: { fullName: string; email: string; privacy: RegExp } }) {
  await visitorBrowser.context.clearCookies();
  await visitor.goto(`${server.url}${publicPath}`);
  if (person.language) {
    await visitor.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: person.language.label }).click();
  }
  // The same page again, now in the chosen language.
  await visitor.getByRole('heading', { level: 2, name: expect_.heading }).waitFor();
  expect(new URL(visitor.url()).pathname).toBe(publicPath);
  expect(await visitor.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${person.language?.locale ?? 'en'}`));
  await visitor.getByLabel(expect_.labels.fullName).fill(person.name);
  await visitor.getByLabel(expect_.labels.email, { exact: true }).fill(person.email);
  await visitor.getByLabel(expect_.labels.privacy).check();
  await visitor.getByRole('button', { name: expect_.button, exact: true }).click();
  await visitor.waitForURL((url) => url.pathname.startsWith('/tickets/'));
  person.ticketUrl = visitor.url();
  person.ticketCode = await visitor.locator('.ticket-code').innerText();
  expect(await visitor.locator('.ticket-holder').innerText()).toBe(person.name);
}

const ENGLISH = {
  heading: 'Register',
  button: 'Register',
  labels: { fullName: 'Full name', email: 'E-mail', privacy: /^I agree that the association keeps these details/ },
};

describe('visitors register', () => {
  it('a visitor switches the page to Uzbek and registers with an Uzbek name', async () => {
    await register(uzbek, {
      heading: 'Roʻyxatdan oʻtish',
      button: 'Roʻyxatdan oʻtish',
      labels: { fullName: 'Familiya, ism, otasining ismi', email: 'Elektron pochta', privacy: /^Assotsiatsiya bu maʼlumotlarni/ },
    });
    await visitor.getByRole('heading', { level: 1, name: 'Chiptangiz' }).waitFor();
    expect(await visitor.getByRole('status').innerText()).toBe('Joyingiz tasdiqlandi. Kirishda bu chiptani (QR kodni yoki kodni) koʻrsating.');
    expect(await visitor.locator('.ticket h2').innerText()).toBe(COURSE.uz);
    await visitor.getByRole('heading', { name: 'Kela olmaysizmi?' }).waitFor();
  });

  it('two more take the remaining seats', async () => {
    await register(leaving, ENGLISH);
    await visitor.getByText('Your seat is confirmed.', { exact: false }).waitFor();
    await register(third, ENGLISH);
    await visitor.getByText('Your seat is confirmed.', { exact: false }).waitFor();
  });

  it('a fourth, in Russian, is told the session is full and lands on the waiting list', async () => {
    await register(fourth, {
      heading: 'Мест нет — запишитесь в лист ожидания',
      button: 'Записаться в лист ожидания',
      labels: { fullName: 'Фамилия, имя, отчество', email: 'Электронная почта', privacy: /^Я согласен\(на\)/ },
    });
    expect(await visitor.getByRole('status').innerText()).toBe('Вы в листе ожидания под номером 1. Если место освободится, мы вам напишем.');
    expect(await visitor.locator('.ticket-qr').count()).toBe(0);
  });

  it('staff see three confirmed and one waiting', async () => {
    await staff.goto(sessionUrl);
    const counts = staff.locator('dl.counts');
    await expect.poll(() => counts.innerText()).toMatch(/Confirmed\s*3\s*Waiting list\s*1\s*Cancelled\s*0/);
    const row = staff.getByRole('row').filter({ has: staff.getByRole('link', { name: fourth.name }) });
    expect(await row.getByRole('cell').nth(1).innerText()).toBe('Waiting, place 1');
  });
});

describe('a cancellation promotes the first on the waiting list', () => {
  it('each was mailed a ticket in their own language', async () => {
    const mail = await openMail(uzbek.email, new RegExp(`^Chiptangiz: ${COURSE.uz}$`));
    expect(mail).toContain(`Hurmatli ${UZBEK_NAME}!`);
    expect(mail).toContain(`«${COURSE.uz}» oʻquvidagi joyingiz tasdiqlandi.`);
    expect(mail).toContain(`Chipta kodi: ${uzbek.ticketCode}`);
    const waiting = await openMail(fourth.email, /^Лист ожидания: /);
    expect(waiting).toContain('вы — номер 1 в листе ожидания');
  });

  it('the second visitor cancels through the link in her confirmation mail', async () => {
    const mail = await openMail(leaving.email, /^Your ticket: /);
    expect(mail).toContain(`Dear ${leaving.name},`);
    const cancelLink = await staff.locator('pre.mail-text a[href*="#cancel"]').getAttribute('href');

    await visitorBrowser.context.clearCookies();
    await visitor.goto(onServer(cancelLink!));
    const form = visitor.locator('#cancel');
    await form.getByLabel('Reason (optional)').fill('Called to a site inspection that week');
    await form.getByRole('button', { name: 'Cancel my registration' }).click();
    await visitor.getByRole('status').getByText('This registration has been cancelled.').waitFor();
  });

  it('staff see the fourth confirmed, and the outbox holds her promotion mail in Russian', async () => {
    await staff.goto(sessionUrl);
    const row = staff.getByRole('row').filter({ has: staff.getByRole('link', { name: fourth.name }) });
    await expect.poll(() => row.getByRole('cell').nth(1).innerText()).toBe('Confirmed');
    const gone = staff.getByRole('row').filter({ has: staff.getByRole('link', { name: leaving.name }) });
    expect(await gone.getByRole('cell').nth(1).innerText()).toMatch(/^Cancelled/);

    const mail = await openMail(fourth.email, /^Место ваше: /);
    expect(await staff.getByRole('heading', { level: 1 }).innerText()).toBe(`Место ваше: ${COURSE.en}`);
    expect(mail).toContain(`Здравствуйте, ${fourth.name}!`);
    expect(mail).toContain('освободилось место, и оно ваше');
    expect(mail).toContain(`Код билета: ${fourth.ticketCode}`);

    // The ticket link of the promotion mail opens her ticket, now confirmed, in her language.
    const ticketLink = await staff.locator('pre.mail-text a[href*="/tickets/"]').first().getAttribute('href');
    await visitorBrowser.context.clearCookies();
    await visitor.goto(`${server.url}/language/ru?next=${encodeURIComponent(new URL(ticketLink!).pathname + new URL(ticketLink!).search)}`);
    expect(await visitor.getByRole('status').innerText()).toBe('Ваше место подтверждено. Покажите этот билет (QR-код или код) на входе.');
  });
});

describe('at the door and after', () => {
  it('staff check the three in by typed ticket code', async () => {
    await staff.goto(sessionUrl);
    await staff.getByRole('link', { name: 'Attendance and completion' }).click();
    await staff.getByRole('link', { name: 'Check-in', exact: true }).click();
    await expect.poll(heading(staff)).toBe(`Check-in: ${COURSE.en}`);
    // The session is the day after tomorrow: staff choose its one day.
    await staff.getByLabel('Day').selectOption({ index: 1 });
    for (const person of [uzbek, third, fourth]) {
      await staff.getByLabel('Ticket code').fill(person.ticketCode!.toLowerCase());
      await staff.getByRole('button', { name: 'Check in' }).click();
      await staff.getByRole('status').filter({ hasText: person.name }).getByText(/^Checked in for /).waitFor();
    }
    // The one who cancelled has no seat, and is not let in.
    await staff.getByLabel('Ticket code').fill(leaving.ticketCode!);
    await staff.getByRole('button', { name: 'Check in' }).click();
    await staff.getByRole('alert').filter({ hasText: leaving.name }).waitFor();
  });

  it('the completion is computed: the three completed', async () => {
    await staff.getByRole('link', { name: 'Completion and certificates' }).click();
    await expect.poll(heading(staff)).toBe(`Completion: ${COURSE.en}`);
    for (const person of [uzbek, third, fourth]) {
      const row = staff.getByRole('row').filter({ has: staff.getByRole('rowheader', { name: person.name }) });
      await row.getByText('Completed', { exact: true }).waitFor();
      await row.getByText('1 of 1 (100 %)').waitFor();
    }
    expect(await staff.getByRole('rowheader', { name: leaving.name }).count()).toBe(0);
  });

  it('staff download the three certificates of participation as one ZIP, after a progress bar', async () => {
    await staff.getByRole('button', { name: 'Download the PDFs (ZIP)' }).click();
    const ready = staff.getByRole('link', { name: 'Download the ZIP (3 PDFs)' });
    await ready.waitFor();
    const response = await staff.request.get(new URL((await ready.getAttribute('href'))!, server.url).toString());
    expect(response.status()).toBe(200);
    const entries = unzipSync(new Uint8Array(await response.body()));
    expect(Object.keys(entries)).toHaveLength(3);
    for (const pdf of Object.values(entries)) expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
  });

  it('the Uzbek participant downloads her certificate of participation from her ticket', async () => {
    await visitorBrowser.context.clearCookies();
    await visitor.goto(`${server.url}/language/uz?next=${encodeURIComponent(new URL(uzbek.ticketUrl!).pathname + new URL(uzbek.ticketUrl!).search)}`);
    const waiting = visitor.waitForEvent('download');
    await visitor.getByRole('link', { name: 'Ishtirok sertifikatini yuklab olish (PDF)' }).click();
    const download = await waiting;
    expect(download.suggestedFilename()).toMatch(/^certificate-[2-9A-Z]{4}(-[2-9A-Z]{4}){3}\.pdf$/);
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await readCertificateText(new Uint8Array(pdf))).text.join('\n');
    expect(text).toContain(UZBEK_NAME);
    expect(text).toContain(COURSE.uz);

    // The address printed under its QR code is the public page that vouches for it.
    const verify = /https?:\/\/\S+\/verify\/participation\/[2-9A-Z-]+/.exec(text)?.[0];
    expect(verify).toBeDefined();
    await visitor.goto(onServer(verify!));
    await visitor.getByText('Haqiqiy', { exact: true }).waitFor();
    await visitor.getByText(UZBEK_NAME, { exact: true }).waitFor();
  });
});
