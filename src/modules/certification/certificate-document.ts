import type { Config, Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { INTL_LOCALE, type Messages } from '../../platform/i18n/catalogue.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import type { Bilingual, CertificationCertificateInput, CertificationLabels } from '../../platform/pdf/certificate-types.js';
import { renderCertificatePdf } from '../../platform/pdf/on-demand.js';
import { loadSessionFacts } from '../events/get-session.js';
import { getProjectAcknowledgement } from '../events/project-acknowledgement.js';
import { listPersonCompletions } from '../registration/list-person-completions.js';
import { credentialLanguages, loadCertificateCredentialText } from './certificate-credential.js';
import { credentialFactsOf, type CredentialFacts } from './certificate-credentials-repository.js';
import { findCertificate, type CertificateRow } from './certificates-repository.js';

const LABELS: Array<[keyof CertificationLabels, string]> = [
  ['title', 'title'],
  ['certifies', 'certifies'],
  ['certified', 'certified'],
  ['level', 'level'],
  ['number', 'number'],
  ['issuedOn', 'issued_on'],
  ['validUntil', 'valid_until'],
  ['verify', 'verify'],
  ['attachedCredential', 'attached_credential'],
];

/** The public verification page of a certificate: the QR code carries the code, so the number alone opens nothing. */
export function certificateVerificationUrl(publicUrl: string, certificate: Pick<CertificateRow, 'number' | 'verificationCode'>): string {
  return `${publicUrl}/verify/${encodeURIComponent(certificate.number)}?code=${encodeURIComponent(certificate.verificationCode)}`;
}

/** The certificate's two languages: the scheme's; a scheme printed in one language adds the reader's (or English). */
export function documentLocales(facts: Pick<CredentialFacts, 'certificateLocales'>, locale?: Locale): [Locale, Locale] {
  const languages = credentialLanguages(facts);
  const [first] = languages;
  const second = languages[1] ?? (locale && locale !== first ? locale : 'en');
  return [first, second];
}

/**
 * The donor project's acknowledgement when training the holder completed for this level was
 * project-funded: the level's required courses, or any completed training when it names none.
 */
async function acknowledgementOf(db: DbOrTx, certificate: CertificateRow, facts: CredentialFacts, locales: [Locale, Locale]): Promise<Bilingual | null> {
  const required = new Set(facts.requirements.flatMap((r) => (r.kind === 'courses' ? r.courseIds : [])));
  const completions = (await listPersonCompletions(db, certificate.personId)).filter((c) => required.size === 0 || required.has(c.courseId)).reverse();
  for (const completion of completions) {
    const session = await loadSessionFacts(db, completion.sessionId);
    if (!session?.projectId) continue;
    const [a, b] = await Promise.all(locales.map((l) => getProjectAcknowledgement(db, session.projectId!, l)));
    if (a && b) return [a.text, b.text];
  }
  return null;
}

/** Everything printed on the certificate, in its two languages; the dates and names are the credential's. */
export function certificationInput(
  messages: Messages,
  publicUrl: string,
  facts: { certificate: CertificateRow; credentialFacts: CredentialFacts; locales: [Locale, Locale]; acknowledgement: Bilingual | null; credentialJson: string },
): CertificationCertificateInput {
  const { certificate, credentialFacts, locales } = facts;
  const both = (fn: (locale: Locale) => string): Bilingual => [fn(locales[0]), fn(locales[1])];
  const labels = Object.fromEntries(LABELS.map(([field, key]) => [field, both((l) => messages.format(l, `certification.document.${key}`))])) as unknown as CertificationLabels;
  return {
    kind: 'certification',
    locales: [INTL_LOCALE[locales[0]], INTL_LOCALE[locales[1]]],
    association: [credentialFacts.associationName, credentialFacts.associationName],
    labels,
    holder: { name: certificate.holderName, ...(certificate.holderNameLatin && certificate.holderNameLatin !== certificate.holderName ? { latinName: certificate.holderNameLatin } : {}) },
    scheme: both((l) => pickTranslation(credentialFacts.schemeName, l)),
    level: both((l) => pickTranslation(credentialFacts.levelName, l)),
    number: certificate.number,
    issuedOn: certificate.issuedOn,
    validUntil: certificate.validUntil,
    verificationUrl: certificateVerificationUrl(publicUrl, certificate),
    ...(facts.acknowledgement ? { acknowledgement: facts.acknowledgement } : {}),
    credential: {
      name: 'credential.json',
      bytes: new TextEncoder().encode(facts.credentialJson),
      mimeType: 'application/ld+json',
      description: `Open Badges 3.0 credential of certificate ${certificate.number}`,
      relationship: 'Data',
      modifiedAt: certificate.createdAt,
    },
    producedAt: certificate.createdAt,
  };
}

/** What rendering needs; the app's services have it. */
export interface DocumentServices {
  db: DbOrTx;
  messages: Messages;
  config: Pick<Config, 'publicUrl'>;
}

/**
 * The certificate as an A4 PDF in the scheme's two languages, carrying its signed credential
 * (credential.json, exactly as signed) as an attached file. The caller has decided who may have
 * it. The same certificate always renders the same text, so a verifier can hold the visible
 * fields against the credential inside.
 */
export async function renderCertificateDocument(services: DocumentServices, certificateId: string, locale?: Locale): Promise<Uint8Array> {
  const { db } = services;
  const certificate = await findCertificate(db, certificateId);
  const credentialFacts = certificate ? await credentialFactsOf(db, certificate.id) : null;
  if (!certificate || !credentialFacts) throw new AppError('not_found', { values: { what: 'certificate' } });
  const credentialJson = await loadCertificateCredentialText(db, certificate.id);
  if (credentialJson === null) throw new AppError('conflict', { messageKey: 'certification.errors.no_credential' });
  const locales = documentLocales(credentialFacts, locale);
  const acknowledgement = await acknowledgementOf(db, certificate, credentialFacts, locales);
  return renderCertificatePdf(certificationInput(services.messages, services.config.publicUrl, { certificate, credentialFacts, locales, acknowledgement, credentialJson }));
}
