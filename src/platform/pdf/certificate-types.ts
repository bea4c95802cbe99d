/**
 * What a caller gives to draw a certificate. Every label arrives translated: the component knows
 * no language, it only formats dates and numbers with Intl in the two locales it is given.
 */

/** A text in the certificate's two languages, in the order of `locales`. Equal texts print once. */
export type Bilingual = readonly [string, string];

export interface CertificateHolder {
  /** The name in its own script, e.g. "Ғуломов Ўктам" or "Jānis Bērziņš". */
  name: string;
  /** The Latin form printed under it, when the name is written in another script. */
  latinName?: string;
}

export interface CertificateSignatory {
  name: string;
  title: Bilingual;
}

export interface AttachedFile {
  name: string;
  bytes: Uint8Array;
  /** e.g. application/ld+json for a signed credential. */
  mimeType: string;
  description?: string;
  /** How the file relates to the document (PDF 2.0 / PDF/A-3 associated files). Default Data. */
  relationship?: 'Data' | 'Source' | 'Alternative' | 'Supplement';
  modifiedAt?: Date;
}

interface CertificateBase {
  /** Intl locales of the two languages, the association's first: e.g. ['uz-Latn-UZ', 'en-GB']. */
  locales: readonly [string, string];
  association: Bilingual;
  holder: CertificateHolder;
  /** e.g. UZ-ENG-2026-000123. */
  number: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** The public verification page; the QR code carries it and it is printed beside the code. */
  verificationUrl: string;
  signatory?: CertificateSignatory;
  /** The donor project's acknowledgement, e.g. "This training was funded by the European Union…". */
  acknowledgement?: Bilingual;
  /** Written into the PDF's metadata; defaults to the time of rendering. */
  producedAt?: Date;
}

export interface ParticipationLabels {
  /** e.g. "Certificate of participation" */
  title: Bilingual;
  /** e.g. "This is to certify that" */
  certifies: Bilingual;
  /** e.g. "has taken part in the training course" */
  participated: Bilingual;
  dates: Bilingual;
  city: Bilingual;
  hours: Bilingual;
  cpdCredits: Bilingual;
  number: Bilingual;
  issuedOn: Bilingual;
  /** e.g. "Verify this certificate at" */
  verify: Bilingual;
}

export interface ParticipationCertificateInput extends CertificateBase {
  kind: 'participation';
  labels: ParticipationLabels;
  course: Bilingual;
  /** YYYY-MM-DD, first and last day of the course. */
  startsOn: string;
  endsOn: string;
  city: Bilingual;
  hours?: number;
  cpdCredits?: number;
}

export interface CertificationLabels {
  /** e.g. "Certificate" */
  title: Bilingual;
  certifies: Bilingual;
  /** e.g. "is certified under the scheme" */
  certified: Bilingual;
  level: Bilingual;
  number: Bilingual;
  issuedOn: Bilingual;
  validUntil: Bilingual;
  verify: Bilingual;
  /** e.g. "The signed digital credential is attached to this file." Printed when a credential is attached. */
  attachedCredential?: Bilingual;
}

export interface CertificationCertificateInput extends CertificateBase {
  kind: 'certification';
  labels: CertificationLabels;
  scheme: Bilingual;
  level: Bilingual;
  /** YYYY-MM-DD */
  validUntil: string;
  /** The signed credential carried inside the PDF, e.g. credential.json as application/ld+json. */
  credential?: AttachedFile;
}

export type CertificateInput = ParticipationCertificateInput | CertificationCertificateInput;
