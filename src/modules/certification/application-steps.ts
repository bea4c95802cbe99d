import type { Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { isLocale } from '../../platform/i18n/catalogue.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { insertApplicationEvent, type ApplicationRow } from './applications-repository.js';
import type { CertificationDeps } from './deps.js';

/** Steps the applicant hears of by mail: every change of status, and the certificate. */
export const MAILED_ACTIONS = ['submitted', 'resubmitted', 'in_review', 'needs_info', 'approved', 'rejected', 'certificate_issued'] as const;
export type MailedAction = (typeof MAILED_ACTIONS)[number];
/** Steps kept in the history only. */
export type QuietAction = 'created' | 'updated' | 'document_uploaded' | 'document_removed' | 'checked';

export function applicationLink(publicUrl: string, applicationId: string): string {
  return `${publicUrl}/app/certification/applications/${applicationId}`;
}

export function applicantLocale(application: Pick<ApplicationRow, 'locale'>): Locale {
  return isLocale(application.locale) ? application.locale : 'en';
}

export interface StepRecord {
  application: ApplicationRow;
  actorId: string | null;
  action: MailedAction | QuietAction;
  note?: string | null;
  /** Extra values for the mail (e.g. the certificate number). */
  values?: Record<string, string>;
  /** The mail's dedupe key when the step has a natural one (a certificate is announced once); else the history entry's. */
  dedupeKey?: string;
}

/**
 * Writes a step into the application's history and, for a mailed step, queues one mail to the
 * applicant in their language, in the same transaction. The dedupe key names the history entry,
 * so a step is mailed once however often the transaction around it is retried.
 */
export async function recordStep(db: DbOrTx, deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>, step: StepRecord): Promise<string> {
  const { application } = step;
  const note = step.note ?? null;
  const eventId = await insertApplicationEvent(db, { applicationId: application.id, actorId: step.actorId, action: step.action, note });
  if ((MAILED_ACTIONS as readonly string[]).includes(step.action)) {
    const locale = applicantLocale(application);
    await enqueueMail(db, deps.messages, {
      to: application.applicantEmail,
      locale,
      template: `certification.mail.${step.action}`,
      values: {
        name: application.fullName,
        scheme: pickTranslation(application.schemeName, locale),
        level: pickTranslation(application.levelName, locale),
        note: note ?? '',
        link: applicationLink(deps.publicUrl, application.id),
        ...step.values,
      },
      dedupeKey: step.dedupeKey ?? `certification:application-event:${eventId}`,
      associationId: application.associationId,
    });
  }
  return eventId;
}
