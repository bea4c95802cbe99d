import type { Db } from '../../db/client.js';
import { claimDueMail, markMailFailed, markMailSent } from './repository.js';

export const MAX_ATTEMPTS = 8;
export const MAX_BACKOFF_MINUTES = 60;
/** Longer than any one SMTP conversation, so a slow send is never taken over by another instance. */
const LEASE_MINUTES = 10;
const BATCH_SIZE = 20;

/** What delivery needs of a mail transport; a nodemailer transport fits. */
export interface MailSender {
  sendMail(message: { from: string; to: string; subject: string; text: string; messageId: string }): Promise<unknown>;
}

export interface DeliverOptions {
  from: string;
  /** Host part of Message-ID; the outbox id makes it stable, so a re-sent mail can be recognised. */
  messageIdDomain: string;
  batchSize?: number;
}

export interface DeliveryReport {
  sent: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
}

/** Sends every mail that is due, batch by batch, until none is left for this instance. */
export async function deliverDueMail(db: Db, sender: MailSender, options: DeliverOptions): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const batchSize = options.batchSize ?? BATCH_SIZE;
  for (;;) {
    const batch = await claimDueMail(db, batchSize, LEASE_MINUTES);
    for (const mail of batch) {
      try {
        await sender.sendMail({
          from: options.from,
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.textBody,
          messageId: `<${mail.id}@${options.messageIdDomain}>`,
        });
        await markMailSent(db, mail.id);
        report.sent += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const result = await markMailFailed(db, mail.id, message, { maxAttempts: MAX_ATTEMPTS, maxBackoffMinutes: MAX_BACKOFF_MINUTES });
        if (result.status === 'failed') report.failed += 1;
        else report.retrying += 1;
      }
    }
    if (batch.length < batchSize) return report;
  }
}
