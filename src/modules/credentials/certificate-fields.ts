import type { ExpectedCertificateFields } from '../../platform/pdf/visible-fields.js';
import type { JsonObject } from './build-credential.js';

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/**
 * What a certificate PDF must show, read from the credential attached to it: the number
 * (`licenseNumber`), the holder's name as written (the first plain `name` identifier) and its
 * Latin form when the credential carries one (a second plain `name` identifier), and the dates of
 * `validFrom` and `validUntil` (their calendar day as written in the credential, in UTC).
 * Null when the credential has no certificate number.
 */
export function expectedCertificateFields(credential: JsonObject): ExpectedCertificateFields | null {
  const subject = (credential.credentialSubject ?? {}) as JsonObject;
  if (typeof subject.licenseNumber !== 'string') return null;
  const names = asArray(subject.identifier)
    .filter((id): id is JsonObject => typeof id === 'object' && id !== null)
    .filter((id) => id.identityType === 'name' && id.hashed === false && typeof id.identityHash === 'string')
    .map((id) => id.identityHash as string);
  const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined);
  const issuedOn = day(credential.validFrom);
  const validUntil = day(credential.validUntil);
  return {
    number: subject.licenseNumber,
    holderName: names[0] ?? '',
    ...(names[1] ? { holderNameLatin: names[1] } : {}),
    ...(issuedOn ? { issuedOn } : {}),
    ...(validUntil ? { validUntil } : {}),
  };
}
