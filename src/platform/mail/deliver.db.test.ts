import net, { type AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testMessages } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { deliverDueMail, MAX_ATTEMPTS } from './deliver.js';
import { enqueueMail } from './outbox.js';
import { outbox } from './tables.js';
import { startMailWorker } from './worker.js';

interface Received {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
}

/** Just enough MIME for what nodemailer writes for a plain-text mail. */
function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

function parseMail(raw: string, envelope: { from: string; to: string[] }): Received {
  const split = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of headerText.split('\r\n')) {
    const at = line.indexOf(':');
    headers.set(line.slice(0, at).toLowerCase(), line.slice(at + 1).trim());
  }
  let body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return {
    ...envelope,
    subject: decodeWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text: body.replace(/\r\n/g, '\n'),
  };
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
async function startSmtpServer() {
  const received: Received[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        received.push(parseMail(Buffer.concat(chunks).toString('utf8'), envelope));
        for (const w of waiters.filter((x) => received.length >= x.count)) w.resolve();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Resolves once `count` mails have arrived: the test waits for the event, not for a time. */
    waitFor: (count: number) =>
      new Promise<void>((resolve) => {
        if (received.length >= count) resolve();
        else waiters.push({ count, resolve });
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on which nothing listens, so connecting is refused at once. */
async function refusedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const FROM = 'Usta <no-reply@usta.example.org>';
const OPTIONS = { from: FROM, messageIdDomain: 'usta.example.org' };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await smtp?.close();
  await database.destroy();
});
beforeEach(async () => {
  await smtp?.close();
  smtp = await startSmtpServer();
  await database.db.delete(outbox);
});

function queue(to: string, locale: 'en' | 'ru' = 'en') {
  return enqueueMail(database.db, testMessages(), {
    to,
    locale,
    template: 'accounts.mail.password_reset',
    values: { name: 'Тимур', link: 'https://usta.example.org/reset-password?token=abc-DEF_123', hours: 1 },
  });
}

describe('mail delivery over SMTP', () => {
  it('sends due mail, records it as sent, and sends it only once', async () => {
    await queue('timur@example.kz', 'ru');
    await queue('anna@example.lv');
    const transport = nodemailer.createTransport(smtp.url);
    const report = await deliverDueMail(database.db, transport, OPTIONS);
    expect(report).toEqual({ sent: 2, retrying: 0, failed: 0 });
    await smtp.waitFor(2);
    const russian = smtp.received.find((m) => m.to.includes('timur@example.kz'))!;
    expect(russian.from).toBe('no-reply@usta.example.org');
    expect(russian.subject).toBe('Новый пароль для Usta');
    expect(russian.text).toContain('Здравствуйте, Тимур!');
    expect(russian.text).toContain('https://usta.example.org/reset-password?token=abc-DEF_123');
    const rows = await database.db.select().from(outbox);
    expect(rows.every((r) => r.status === 'sent' && r.sentAt !== null && r.attempts === 0)).toBe(true);
    expect(russian.messageId).toBe(`<${rows.find((r) => r.toAddress === 'timur@example.kz')!.id}@usta.example.org>`);

    expect(await deliverDueMail(database.db, transport, OPTIONS)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(2);
    transport.close();
  });

  it('never sends one mail twice when several instances deliver at once', async () => {
    for (let i = 0; i < 30; i += 1) await queue(`many${i}@example.org`);
    const instances = [nodemailer.createTransport(smtp.url), nodemailer.createTransport(smtp.url), nodemailer.createTransport(smtp.url)];
    const reports = await Promise.all(instances.map((t) => deliverDueMail(database.db, t, { ...OPTIONS, batchSize: 4 })));
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(30);
    expect(smtp.received).toHaveLength(30);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(30);
    expect(new Set(smtp.received.flatMap((m) => m.to)).size).toBe(30);
    for (const t of instances) t.close();
  });

  it('backs off 1, 2, 4 … minutes (capped) when the server refuses, and gives up after the last attempt', async () => {
    await queue('unlucky@example.org');
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${await refusedPort()}`);
    const expectedWaits = [1, 2, 4, 8, 16, 32, 60];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const report = await deliverDueMail(database.db, transport, OPTIONS);
      const [row] = await database.db
        .select({
          status: outbox.status,
          attempts: outbox.attempts,
          lastError: outbox.lastError,
          minutes: sql<number>`round(extract(epoch from ${outbox.nextAttemptAt} - now()) / 60)::int`,
        })
        .from(outbox);
      expect(row!.attempts).toBe(attempt);
      expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
      if (attempt < MAX_ATTEMPTS) {
        expect(report).toEqual({ sent: 0, retrying: 1, failed: 0 });
        expect({ attempt, status: row!.status, minutes: row!.minutes }).toEqual({ attempt, status: 'queued', minutes: expectedWaits[attempt - 1] });
        // Not due yet: another round leaves it alone.
        expect(await deliverDueMail(database.db, transport, OPTIONS)).toEqual({ sent: 0, retrying: 0, failed: 0 });
        await database.db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.toAddress, 'unlucky@example.org'));
      } else {
        expect(report).toEqual({ sent: 0, retrying: 0, failed: 1 });
        expect(row!.status).toBe('failed');
      }
    }
    await database.db.update(outbox).set({ nextAttemptAt: sql`now()` });
    expect(await deliverDueMail(database.db, transport, OPTIONS)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    transport.close();
  });

  it('runs as a worker that sends what is queued and stops cleanly', async () => {
    await queue('worker@example.org');
    const logged: string[] = [];
    const worker = startMailWorker({
      db: database.db,
      smtpUrl: smtp.url,
      ...OPTIONS,
      log: { info: (_o, msg) => logged.push(msg), error: (_o, msg) => logged.push(`error: ${msg}`) },
    });
    await smtp.waitFor(1);
    await worker.stop();
    expect(smtp.received[0]!.to).toEqual(['worker@example.org']);
    const [row] = await database.db.select().from(outbox);
    expect(row!.status).toBe('sent');
    expect(logged).toEqual(['outbox delivery']);
  });
});
