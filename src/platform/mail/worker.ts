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

const INTERVAL_MS = 15_000;

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
