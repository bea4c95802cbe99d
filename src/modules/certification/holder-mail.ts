import type { Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { isLocale } from '../../platform/i18n/catalogue.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { findAssociation } from '../associations/repository.js';
import { findLivePerson } from '../people/person-values.js';
import { latestApplicationOf } from './applications-repository.js';
import type { CertificateRow } from './certificates-repository.js';
import type { CertificationDeps } from './deps.js';

export type HolderMail = 'renewed' | 'reissued' | 'suspended' | 'reinstated' | 'revoked';

interface Contact {
  email: string;
  locale: Locale;
}

/** The holder's account address and language from their application; else the register's address in the association's language. */
async function holderContact(db: DbOrTx, certificate: CertificateRow): Promise<Contact | null> {
  const application = await latestApplicationOf(db, certificate.personId, certificate.levelId);
  if (application) return { email: application.applicantEmail, locale: isLocale(application.locale) ? application.locale : 'en' };
  const person = await findLivePerson(db, certificate.personId);
  if (!person?.email) return null;
  const association = await findAssociation(db, certificate.associationId);
  return { email: person.email, locale: isLocale(association?.defaultLocale) ? association.defaultLocale : 'en' };
}

/**
 * Tells the holder what happened to their certificate, in their language, in the caller's
 * transaction. The dedupe key names the change, so a retried change never mails twice.
 */
export async function mailHolder(
  db: DbOrTx,
  deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>,
  certificate: CertificateRow,
  kind: HolderMail,
  dedupeKey: string,
  extra: { category?: string; reason?: string; newNumber?: string } = {},
): Promise<boolean> {
  const contact = await holderContact(db, certificate);
  if (!contact) return false;
  const tr = deps.messages.translator(contact.locale);
  return enqueueMail(db, deps.messages, {
    to: contact.email,
    locale: contact.locale,
    template: `certification.certificate_mail.${kind}`,
    values: {
      name: certificate.holderName,
      number: certificate.number,
      scheme: pickTranslation(certificate.schemeName, contact.locale),
      level: pickTranslation(certificate.levelName, contact.locale),
      validUntil: tr.formatDate(certificate.validUntil, 'long', 'UTC'),
      category: extra.category ?? 'other',
      reason: extra.reason ?? '',
      newNumber: extra.newNumber ?? '',
    },
    dedupeKey,
    associationId: certificate.associationId,
  });
}
