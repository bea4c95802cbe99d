/**
 * Marked-content tags on a certificate's text. The issuer's own text is tagged; the values a
 * verifier compares with the embedded credential carry their field name, and the locale they were
 * formatted in when they are dates, so the verifier can format the credential's value the same way.
 */
export const TEXT_TAG = 'UstaText';
const FIELD_PREFIX = 'UstaField:';

/** Fields a verifier compares with the signed credential. */
export const CERTIFICATE_FIELDS = ['number', 'holderName', 'holderNameLatin', 'issuedOn', 'validUntil'] as const;
export type CertificateField = (typeof CERTIFICATE_FIELDS)[number];

export function fieldTag(field: CertificateField, locale?: string): string {
  return locale ? `${FIELD_PREFIX}${field}:${locale}` : `${FIELD_PREFIX}${field}`;
}

export function parseFieldTag(tag: string): { field: CertificateField; locale?: string } | undefined {
  if (!tag.startsWith(FIELD_PREFIX)) return undefined;
  const [field, locale] = tag.slice(FIELD_PREFIX.length).split(':');
  if (!CERTIFICATE_FIELDS.includes(field as CertificateField)) return undefined;
  return locale ? { field: field as CertificateField, locale } : { field: field as CertificateField };
}

export function isIssuerTag(tag: string): boolean {
  return tag === TEXT_TAG || parseFieldTag(tag) !== undefined;
}
