import type { Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { randomToken, tokenHash } from '../../platform/auth/secrets.js';
import { isLocale, type Messages } from '../../platform/i18n/catalogue.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import { enqueueMails, type MailRequest } from '../../platform/mail/outbox.js';
import type { SessionFacts } from '../events/get-session.js';
import { dateRange } from '../events/session-format.js';
import { markCompletionsMailed } from './completions-repository.js';

/** What the mails of attendance and completion need besides the database. */
export interface TrainingMailDeps {
  messages: Messages;
  publicUrl: string;
}

export interface CompletionMailee {
  registrationId: string;
  ticketCode: string;
  locale: string;
  fullName: string;
  email: string | null;
  verificationCode: string;
}

/** Where the participant downloads the certificate: the ticket's address, opened by its own secret. */
export function certificatePath(ticketCode: string, secret: string): string {
  return `/tickets/${ticketCode}/certificate.pdf?token=${encodeURIComponent(secret)}`;
}

export function verificationPath(code: string): string {
  return `/verify/participation/${code}`;
}

/** A session's mails go out once its last day has begun: completing early is not finishing the course. */
export function completionMailsOpen(session: Pick<SessionFacts, 'days'>, now: Date): boolean {
  const last = session.days[session.days.length - 1];
  return last !== undefined && last.startsAt.getTime() <= now.getTime();
}

/**
 * Queues the completion mail, in the registrant's language, with a link that downloads the
 * certificate. The link's secret exists only in the mail; the record keeps its hash, which also
 * marks the mail as sent. The outbox's dedupe key makes a second mail impossible.
 */
export async function queueCompletionMails(db: DbOrTx, deps: TrainingMailDeps, session: SessionFacts, mailees: CompletionMailee[]): Promise<number> {
  const secrets = new Map<string, { registrationId: string; secret: string }>();
  const mails: MailRequest[] = [];
  for (const m of mailees) {
    if (!m.email) continue;
    const locale: Locale = isLocale(m.locale) ? m.locale : 'en';
    const secret = randomToken();
    const dedupeKey = `registration:${m.registrationId}:completed`;
    secrets.set(dedupeKey, { registrationId: m.registrationId, secret });
    mails.push({
      to: m.email,
      locale,
      template: 'registration.completion.mail',
      values: {
        name: m.fullName,
        course: pickTranslation(session.course.title, locale),
        dates: dateRange(session.days, session.timeZone, locale),
        certificateUrl: `${deps.publicUrl}${certificatePath(m.ticketCode, secret)}`,
        verifyUrl: `${deps.publicUrl}${verificationPath(m.verificationCode)}`,
      },
      dedupeKey,
      associationId: session.associationId,
    });
  }
  const queued = await enqueueMails(db, deps.messages, mails);
  // A mail queued before (and a link sent with it) keeps its own secret: record none for a skipped one.
  const sent = [...queued].map((key) => secrets.get(key)!).map((s) => ({ registrationId: s.registrationId, tokenHash: tokenHash(s.secret) }));
  await markCompletionsMailed(db, sent);
  return sent.length;
}
