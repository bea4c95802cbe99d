import crypto from 'node:crypto';
import { fieldError } from '../../platform/errors.js';
import { CREDENTIALS_V2_CONTEXT, OB_V3P0_CONTEXT } from './document-loader.js';

/** The achievement's words in one language; OB 3.0 strings carry no language of their own. */
export interface AchievementText {
  /** BCP 47 tag, e.g. `uz`, `kk`, `lv`, `en`, `uz-Cyrl`. */
  language: string;
  name: string;
  description: string;
  criteria: string;
}

export interface AlignmentInput {
  targetName: string;
  targetUrl: string;
  targetCode?: string;
  targetFramework?: string;
  targetDescription?: string;
  /** An OB 3.0 alignment target type, or an `ext:` one such as `ext:ESCOOccupation` or `ext:EQFLevel`. */
  targetType?: string;
}

export interface StatusListPosition {
  /** URL of the BitstringStatusListCredential. */
  listUrl: string;
  index: number;
}

export interface CertificateCredentialInput {
  /** Credential id, a URL or `urn:uuid:…`. */
  id: string;
  issuer: { id: string; name: string; url?: string };
  /** The certificate number, e.g. `UZ-ENG-2026-000123`, carried as `licenseNumber`. */
  certificateNumber: string;
  holder: {
    /** The name as the holder writes it, in its own script. */
    name: string;
    /** Its Latin form when the name is written in another script: a second `name` identifier, so the Latin name printed on a certificate can be checked too. */
    nameLatin?: string;
    /** Hashed with a per-credential salt, so the e-mail address cannot be read back from the credential. */
    email?: string;
  };
  achievement: {
    /** One id per language, e.g. `https://…/schemes/eng/levels/2?lang=uz`; each must be distinct. */
    idFor: (language: string) => string;
    /** First entry is the credential's language; the others are linked as related achievements. */
    texts: [AchievementText, ...AchievementText[]];
    humanCode?: string;
    fieldOfStudy?: string;
    creditsAvailable?: number;
    alignment?: AlignmentInput[];
  };
  creditsEarned?: number;
  /** A Date is written in UTC; a string is an XML dateTimeStamp written as given, e.g. with the issuer's zone offset. */
  validFrom: Date | string;
  validUntil?: Date | string;
  revocation: StatusListPosition;
  suspension: StatusListPosition;
}

export type JsonObject = Record<string, unknown>;

/** XML Schema dateTimeStamp without fractions, as credentials conventionally carry it. */
export function credentialDate(date: Date | string): string {
  if (typeof date === 'string') return date;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function statusEntry(purpose: 'revocation' | 'suspension', { listUrl, index }: StatusListPosition): JsonObject {
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    // Bitstring Status List v1.0 asks for the index as a base-10 string.
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}

function alignment(a: AlignmentInput): JsonObject {
  return { type: ['Alignment'], ...a };
}

/** One Achievement in one language, linked to its siblings in the other languages. */
export function buildAchievement(input: CertificateCredentialInput['achievement'], language: string): JsonObject {
  const text = input.texts.find((t) => t.language === language);
  if (!text) throw fieldError('language', 'errors.field.invalid');
  const related = input.texts
    .filter((t) => t.language !== language)
    .map((t) => ({ id: input.idFor(t.language), type: ['Related'], inLanguage: t.language }));
  return {
    id: input.idFor(language),
    type: ['Achievement'],
    achievementType: 'Certification',
    name: text.name,
    description: text.description,
    criteria: { narrative: text.criteria },
    inLanguage: language,
    ...(input.humanCode ? { humanCode: input.humanCode } : {}),
    ...(input.fieldOfStudy ? { fieldOfStudy: input.fieldOfStudy } : {}),
    ...(input.creditsAvailable !== undefined ? { creditsAvailable: input.creditsAvailable } : {}),
    ...(input.alignment?.length ? { alignment: input.alignment.map(alignment) } : {}),
    ...(related.length ? { related } : {}),
  };
}

function identityObjects(holder: CertificateCredentialInput['holder']): JsonObject[] {
  const identities: JsonObject[] = [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: holder.name }];
  if (holder.nameLatin && holder.nameLatin !== holder.name) {
    identities.push({ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: holder.nameLatin });
  }
  if (holder.email) {
    const salt = crypto.randomBytes(16).toString('hex');
    const hash = crypto.createHash('sha256').update(`${holder.email.trim().toLowerCase()}${salt}`, 'utf8').digest('hex');
    identities.push({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: `sha256$${hash}`, salt });
  }
  return identities;
}

/** The unsigned OpenBadgeCredential (VC Data Model 2.0) for one certificate. */
export function buildCertificateCredential(input: CertificateCredentialInput): JsonObject {
  const languages = input.achievement.texts.map((t) => t.language);
  if (new Set(languages).size !== languages.length) throw fieldError('achievement', 'errors.field.invalid');
  if (new Set(languages.map(input.achievement.idFor)).size !== languages.length) throw fieldError('achievement', 'errors.field.invalid');
  const instant = (value: Date | string) => (typeof value === 'string' ? Date.parse(value) : value.getTime());
  if (Number.isNaN(instant(input.validFrom))) throw fieldError('validFrom', 'errors.field.invalid');
  if (input.validUntil && !(instant(input.validUntil) > instant(input.validFrom))) throw fieldError('validUntil', 'errors.field.invalid');
  const [primary] = input.achievement.texts;
  return {
    '@context': [CREDENTIALS_V2_CONTEXT, OB_V3P0_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: primary.name,
    issuer: {
      id: input.issuer.id,
      type: ['Profile'],
      name: input.issuer.name,
      ...(input.issuer.url ? { url: input.issuer.url } : {}),
    },
    validFrom: credentialDate(input.validFrom),
    ...(input.validUntil ? { validUntil: credentialDate(input.validUntil) } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: identityObjects(input.holder),
      achievement: buildAchievement(input.achievement, primary.language),
      licenseNumber: input.certificateNumber,
      ...(input.creditsEarned !== undefined ? { creditsEarned: input.creditsEarned } : {}),
    },
    credentialStatus: [statusEntry('revocation', input.revocation), statusEntry('suspension', input.suspension)],
  };
}
