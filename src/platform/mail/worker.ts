import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.js';
import { deliverDueMail, type DeliveryReport } from './deliver.js';

export interface MailWorkerOptions {
  db: Db;
  /** `smtp://user:pass@host:587` or `smtps://…:465`, as nodemailer reads it. */
  smtpUrl: string;
  from: string;
  messageIdDomain: string;
  intervalMs?: number;
  log: {
    info(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
}

export interface MailWorker {
  /** Waits for the round in progress, then closes the SMTP transport. */
  stop(): Promise<void>;
}

/** Short, so a reset link arrives while the person still waits for it; the query is one index look-up. */
const INTERVAL_MS = 5_000;

/** Sends due outbox mail now and then every interval, until stopped. */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> = Promise.resolve();

  const logReport = (report: DeliveryReport) => {
    if (report.sent + report.retrying + report.failed > 0) options.log.info({ mail: report }, 'outbox delivery');
  };
  const tick = () => {
    timer = null;
    round = deliverDueMail(options.db, transport, { from: options.from, messageIdDomain: options.messageIdDomain })
      .then(logReport, (error: unknown) => options.log.error({ err: error }, 'outbox delivery stopped by an error'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs ?? INTERVAL_MS);
      });
  };
  tick();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
      transport.close();
    },
  };
}

/**
 * The worker this instance should run: none when background work is off, or when there is no SMTP
 * server to send to (mail then stays in the outbox, where administrators read it).
 */
export function mailWorkerFor(
  config: { workers: boolean; smtpUrl: string | null; mailFrom: string; publicUrl: string },
  db: Db,
  log: MailWorkerOptions['log'],
): MailWorker | null {
  if (!config.workers) return null;
  if (!config.smtpUrl) {
    log.info({}, 'SMTP_URL is not set: e-mail stays in the outbox (/admin/outbox)');
    return null;
  }
  return startMailWorker({
    db,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    messageIdDomain: new URL(config.publicUrl).hostname,
    log,
  });
}
