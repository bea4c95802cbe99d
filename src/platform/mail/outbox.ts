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
  return queueRenderedMail(db, {
    to: mail.to,
    locale: mail.locale,
    template: mail.template,
    subject: tr.t(`${mail.template}.subject`, mail.values),
    textBody: tr.t(`${mail.template}.body`, mail.values),
    dedupeKey: mail.dedupeKey ?? null,
    associationId: mail.associationId ?? null,
  });
}

/** A mail already written out (subject and body in its language). */
export interface RenderedMail {
  to: string;
  locale: string;
  template: string;
  subject: string;
  textBody: string;
  dedupeKey: string | null;
  associationId: string | null;
}

/** Queues a mail its caller has written out; same rules as `enqueueMail`. */
export async function queueRenderedMail(db: DbOrTx, mail: RenderedMail): Promise<boolean> {
  const rows = await db
    .insert(outbox)
    .values({
      toAddress: mail.to,
      locale: mail.locale,
      template: mail.template,
      subject: mail.subject,
      textBody: mail.textBody,
      dedupeKey: mail.dedupeKey,
      associationId: mail.associationId,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/**
 * Queues many e-mails with one statement per thousand (the rows travel as one JSON parameter), for
 * passes that mail a whole session at once. Same rules as `enqueueMail`; returns the dedupe keys of
 * the mails actually queued (a key already in the outbox is skipped).
 */
export async function enqueueMails(db: DbOrTx, messages: Messages, mails: MailRequest[]): Promise<Set<string>> {
  const queued = new Set<string>();
  const CHUNK = 1000;
  for (let start = 0; start < mails.length; start += CHUNK) {
    const records = mails.slice(start, start + CHUNK).map((mail) => {
      const tr = messages.translator(mail.locale);
      return {
        to_address: mail.to,
        locale: mail.locale,
        template: mail.template,
        subject: tr.t(`${mail.template}.subject`, mail.values),
        text_body: tr.t(`${mail.template}.body`, mail.values),
        dedupe_key: mail.dedupeKey ?? null,
        association_id: mail.associationId ?? null,
      };
    });
    const result = await db.execute<{ dedupe_key: string | null }>(sql`
      insert into ${outbox} (to_address, locale, template, subject, text_body, dedupe_key, association_id)
      select * from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as m(
        to_address text, locale text, template text, subject text, text_body text, dedupe_key text, association_id uuid)
      on conflict (dedupe_key) do nothing
      returning dedupe_key`);
    const rows = Array.isArray(result) ? (result as Array<{ dedupe_key: string | null }>) : (result as { rows: Array<{ dedupe_key: string | null }> }).rows;
    for (const row of rows) if (row.dedupe_key) queued.add(row.dedupe_key);
  }
  return queued;
}

export const outboxDue = sql`${outbox.status} = 'queued' and ${outbox.nextAttemptAt} <= now()`;
