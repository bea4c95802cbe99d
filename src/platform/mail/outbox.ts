import { sql } from 'drizzle-orm';
import type { Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import type { Messages } from '../i18n/catalogue.js';
import { outbox } from './tables.js';

export interface MailRequest {
  to: string;
  locale: Locale;
  /** Message catalogue prefix; `<template>.subject` and `<template>.body` are rendered. */
  template: string;
  values?: Record<string, string | number>;
  /** A message with the same key is never queued twice. */
  dedupeKey?: string;
  associationId?: string | null;
}

/**
 * Queues an e-mail in the caller's transaction, so it is sent if and only if the change that
 * caused it is committed. Returns false when a message with the same dedupe key already exists.
 */
export async function enqueueMail(db: DbOrTx, messages: Messages, mail: MailRequest): Promise<boolean> {
  const tr = messages.translator(mail.locale);
  const rows = await db
    .insert(outbox)
    .values({
      toAddress: mail.to,
      locale: mail.locale,
      template: mail.template,
      subject: tr.t(`${mail.template}.subject`, mail.values),
      textBody: tr.t(`${mail.template}.body`, mail.values),
      dedupeKey: mail.dedupeKey ?? null,
      associationId: mail.associationId ?? null,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export const outboxDue = sql`${outbox.status} = 'queued' and ${outbox.nextAttemptAt} <= now()`;
