import type { Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { INTL_LOCALE, isLocale, type Messages } from '../../platform/i18n/catalogue.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import type { Bilingual, ParticipationCertificateInput, ParticipationLabels } from '../../platform/pdf/certificate-types.js';
import { renderCertificatePdf } from '../../platform/pdf/on-demand.js';
import { findAssociation } from '../associations/repository.js';
import { loadSessionFacts, type SessionFacts } from '../events/get-session.js';
import { getProjectAcknowledgement } from '../events/project-acknowledgement.js';
import { instantToZoned } from '../events/session-times.js';
import { verificationPath } from './completion-mail.js';
import type { CertificateRecord } from './completions-repository.js';

export interface CertificateDeps {
  messages: Messages;
  publicUrl: string;
}

/**
 * The certificate's first language: the session's language of instruction when the interface
 * speaks it, else the association's; English is always the second. An English session of an
 * English-speaking association prints each text once.
 */
export function certificateLocales(sessionLanguage: string, associationLocale: string): [Locale, Locale] {
  const first = [sessionLanguage, associationLocale].find((l): l is Locale => isLocale(l) && l !== 'en') ?? 'en';
  return [first, 'en'];
}

const LABELS: Array<[keyof ParticipationLabels, string]> = [
  ['title', 'title'],
  ['certifies', 'certifies'],
  ['participated', 'participated'],
  ['dates', 'dates'],
  ['city', 'city'],
  ['hours', 'hours'],
  ['cpdCredits', 'cpd_credits'],
  ['number', 'number'],
  ['issuedOn', 'issued_on'],
  ['verify', 'verify'],
];

/** What goes on the certificate of one completion: every text in the two languages, nothing left to the layout. */
export function participationInput(
  deps: CertificateDeps,
  facts: { record: CertificateRecord; session: SessionFacts; associationName: string; associationLocale: string; acknowledgement: Bilingual | null },
): ParticipationCertificateInput {
  const { record, session, acknowledgement } = facts;
  const locales = certificateLocales(session.language, facts.associationLocale);
  const both = (fn: (locale: Locale) => string): Bilingual => [fn(locales[0]), fn(locales[1])];
  const t = (key: string, values?: Record<string, string>) => both((l) => deps.messages.format(l, `registration.participation.certificate.${key}`, values));
  const labels = Object.fromEntries(LABELS.map(([field, key]) => [field, t(key)])) as unknown as ParticipationLabels;
  const first = session.days[0];
  const last = session.days[session.days.length - 1];
  if (!first || !last) throw new AppError('conflict', { messageKey: 'registration.participation.no_days' });
  const issuedAt = record.completedAt ?? last.endsAt;
  return {
    kind: 'participation',
    locales: [INTL_LOCALE[locales[0]], INTL_LOCALE[locales[1]]],
    association: [facts.associationName, facts.associationName],
    labels,
    holder: { name: record.fullName, ...(record.nameLatin ? { latinName: record.nameLatin } : {}) },
    course: both((l) => pickTranslation(session.course.title, l)),
    startsOn: first.day,
    endsOn: last.day,
    city: session.city && session.format !== 'online' ? [session.city, session.city] : t('online'),
    ...(session.course.hours > 0 ? { hours: session.course.hours } : {}),
    ...(session.course.cpdCredits > 0 ? { cpdCredits: session.course.cpdCredits } : {}),
    number: record.verificationCode,
    issuedOn: instantToZoned(issuedAt, session.timeZone).day,
    verificationUrl: `${deps.publicUrl}${verificationPath(record.verificationCode)}`,
    ...(acknowledgement ? { acknowledgement } : {}),
    producedAt: issuedAt,
  };
}

/**
 * The certificate of participation of a completed registration, as a PDF. The caller has decided
 * who may have it; a registration that has not completed (or whose completion was withdrawn) has none.
 */
export async function renderParticipationCertificate(db: DbOrTx, deps: CertificateDeps, record: CertificateRecord): Promise<Uint8Array> {
  if (!record.completed || record.registrationStatus !== 'confirmed') {
    throw new AppError('not_found', { messageKey: 'registration.participation.not_completed' });
  }
  const session = await loadSessionFacts(db, record.sessionId);
  if (!session) throw new AppError('not_found', { values: { what: 'session' } });
  const association = await findAssociation(db, session.associationId);
  const locales = certificateLocales(session.language, association!.defaultLocale);
  const texts = session.projectId ? await Promise.all(locales.map((l) => getProjectAcknowledgement(db, session.projectId!, l))) : [];
  const acknowledgement: Bilingual | null = texts[0] && texts[1] ? [texts[0].text, texts[1].text] : null;
  return renderCertificatePdf(
    participationInput(deps, { record, session, associationName: association!.name, associationLocale: association!.defaultLocale, acknowledgement }),
  );
}
