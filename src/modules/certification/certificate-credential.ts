import type { DbOrTx, Tx } from '../../db/client.js';
import type { Locale } from '../../config.js';
import { AppError } from '../../platform/errors.js';
import { isLocale, type Messages } from '../../platform/i18n/catalogue.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import type { Services } from '../../platform/services.js';
import { buildCertificateCredential, type AchievementText, type AlignmentInput, type JsonObject } from '../credentials/build-credential.js';
import { issuerFor, type Issuer } from '../credentials/issuer.js';
import type { KeySigner } from '../credentials/key-store.js';
import { signCredential } from '../credentials/sign-credential.js';
import { signCredentialJwt } from '../credentials/sign-credential-jwt.js';
import { localDayEnd, localDayStart } from './certificate-numbers.js';
import {
  courseAlignments,
  findCertificateCredential,
  insertCertificateCredentials,
  levelCredentialFacts,
  statusListNumbers,
  type CredentialFacts,
} from './certificate-credentials-repository.js';
import type { CertificateRow } from './certificates-repository.js';
import { issueRun, type IssueRun } from './issue-run.js';

export type { JsonObject } from '../credentials/build-credential.js';

/** A certificate's credential being signed: started by `prepare`, written by `store`. */
export interface PendingCredential {
  readonly certificateId: string;
  readonly keyId: string;
  /** The JSON text as signed and the VC-JWT. */
  readonly signed: Promise<{ credential: string; jwt: string }>;
}

export interface SignOptions {
  creditsEarned?: number;
  /** A run of certificates: facts read once, proofs made in its worker threads. */
  run?: IssueRun;
}

/** Signs the credential of a certificate in the transaction that writes the certificate. */
export interface CertificateSigner {
  /** The did:web key of the Data Integrity proof. */
  readonly keyId: string;
  /**
   * Reads what the credential says (in the caller's transaction), builds it and starts signing it
   * (eddsa-rdfc-2022 and ES256 VC-JWT at once); writes nothing. The caller may go on meanwhile.
   */
  prepare(tx: Tx, certificate: CertificateRow, options?: SignOptions): Promise<PendingCredential>;
  /** Waits for the signatures and stores the credentials, in one statement. */
  store(tx: Tx, pending: PendingCredential[]): Promise<void>;
  /** `prepare` then `store`. */
  issue(tx: Tx, certificate: CertificateRow, options?: SignOptions): Promise<{ keyId: string }>;
}

/** The deployment's credentials for certificates: a signer for the issuer's current keys. */
export interface CertificateCredentials {
  /**
   * Call outside any transaction: opening the keys, and the periodic check for keys rotated by
   * another instance, read the database on a connection of their own (the embedded database has
   * only one, so doing it inside a transaction would wait for itself).
   */
  signer(): Promise<CertificateSigner>;
  /**
   * For work already inside a transaction (a job): on PostgreSQL the same as `signer()`; on the
   * embedded database, whose data folder only this process opens, the signer prepared last.
   */
  signerInTransaction(): Promise<CertificateSigner>;
}

const EQF_URL = 'https://europa.eu/europass/en/description-eight-eqf-levels';

function offset(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The first or last second of a calendar day in the association's zone, written with that zone's
 * offset: the instant is exact, and the date a reader sees in it is the date printed on the
 * certificate (a verifier compares the two).
 */
export function zonedDayBound(day: string, bound: 'start' | 'end', timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (bound === 'start') return `${day}T00:00:00${offset(Date.UTC(y, m - 1, d) - localDayStart(day, timeZone).getTime())}`;
  return `${day}T23:59:59${offset(Date.UTC(y, m - 1, d + 1) - (localDayEnd(day, timeZone).getTime() + 1))}`;
}

/** The credential's languages: the scheme's certificate languages, known to the interface, in order. */
export function credentialLanguages(facts: Pick<CredentialFacts, 'certificateLocales'>): [Locale, ...Locale[]] {
  const languages = facts.certificateLocales.filter(isLocale);
  return (languages.length > 0 ? languages : ['en']) as [Locale, ...Locale[]];
}

/** ESCO skills and the highest EQF level of the courses the level requires, as the catalogue gives them. */
async function alignmentsOf(db: DbOrTx, facts: CredentialFacts): Promise<AlignmentInput[]> {
  const ids = [...new Set(facts.requirements.flatMap((r) => (r.kind === 'courses' ? r.courseIds : [])))];
  const found = await courseAlignments(db, ids);
  const out: AlignmentInput[] = [];
  const seen = new Set<string>();
  for (const skill of found.flatMap((c) => c.escoSkills)) {
    if (seen.has(skill.uri)) continue;
    seen.add(skill.uri);
    out.push({ targetName: skill.label, targetUrl: skill.uri, targetFramework: 'ESCO', targetType: 'ext:ESCOSkill' });
  }
  const eqf = Math.max(0, ...found.map((c) => c.eqfLevel ?? 0));
  if (eqf > 0) out.push({ targetName: `EQF level ${eqf}`, targetUrl: EQF_URL, targetCode: String(eqf), targetFramework: 'European Qualifications Framework', targetType: 'ext:EQFLevel' });
  return out;
}

export interface CredentialContext {
  issuer: Pick<Issuer, 'did' | 'baseUrl' | 'statusListUrl'>;
  messages: Messages;
}

/** The unsigned OpenBadgeCredential of a certificate. */
export function certificateCredentialJson(
  context: CredentialContext,
  certificate: CertificateRow,
  facts: CredentialFacts,
  extra: { alignment: AlignmentInput[]; revocationList: number; suspensionList: number; creditsEarned?: number },
): JsonObject {
  const { issuer, messages } = context;
  if (certificate.revocationIndex === null || certificate.suspensionIndex === null) {
    throw new AppError('internal', { values: { reason: 'a certificate without status-list positions cannot carry a credential' } });
  }
  const texts = credentialLanguages(facts).map((language): AchievementText => {
    const scheme = pickTranslation(facts.schemeName, language);
    const level = pickTranslation(facts.levelName, language);
    const description = pickTranslation(facts.schemeDescription, language);
    return {
      language,
      name: `${level} — ${scheme}`,
      description: description || scheme,
      criteria: messages.format(language, 'certification.credential.criteria', { level, scheme, association: facts.associationName }),
    };
  }) as [AchievementText, ...AchievementText[]];
  return buildCertificateCredential({
    id: `urn:uuid:${certificate.id}`,
    issuer: { id: issuer.did, name: facts.associationName, url: issuer.baseUrl },
    certificateNumber: certificate.number,
    holder: { name: certificate.holderName, ...(certificate.holderNameLatin ? { nameLatin: certificate.holderNameLatin } : {}) },
    achievement: {
      idFor: (language) => `${issuer.baseUrl}/certification/schemes/${certificate.schemeId}/levels/${certificate.levelId}?lang=${language}`,
      texts,
      humanCode: `${certificate.numberPrefix}-${facts.levelPosition + 1}`,
      ...(extra.alignment.length > 0 ? { alignment: extra.alignment } : {}),
    },
    ...(extra.creditsEarned !== undefined ? { creditsEarned: extra.creditsEarned } : {}),
    validFrom: zonedDayBound(certificate.issuedOn, 'start', certificate.timeZone),
    validUntil: zonedDayBound(certificate.validUntil, 'end', certificate.timeZone),
    revocation: { listUrl: issuer.statusListUrl('revocation', extra.revocationList), index: certificate.revocationIndex },
    suspension: { listUrl: issuer.statusListUrl('suspension', extra.suspensionList), index: certificate.suspensionIndex },
  });
}

/** The signer prepared last for each issuer, so that a job on the embedded database need not open keys inside its transaction. */
const prepared = new WeakMap<object, { eddsa: KeySigner; es256: KeySigner; signer: CertificateSigner }>();

/**
 * Signs with the issuer's opened key store: the key signers (and the Data Integrity suite built on
 * the Ed25519 one) are made once per key, so a certificate costs one proof and one JWT signature,
 * never a key decryption. List numbers never change once a list exists, so they are remembered.
 */
export function certificateCredentials(context: CredentialContext & { issuer: Pick<Issuer, 'keys'>; backend: 'pglite' | 'postgres' }): CertificateCredentials {
  const listNumbers = new Map<number, number>();
  const listNumber = async (tx: Tx, id: number | null): Promise<number> => {
    if (id === null) throw new AppError('internal', { values: { reason: 'a certificate without status lists cannot carry a credential' } });
    if (!listNumbers.has(id)) for (const [key, value] of await statusListNumbers(tx, [id])) listNumbers.set(key, value);
    const number = listNumbers.get(id);
    if (number === undefined) throw new AppError('internal', { values: { reason: `no status list ${id}` } });
    return number;
  };
  const signer = async (): Promise<CertificateSigner> => {
    const store = await context.issuer.keys();
    const [eddsa, es256] = await Promise.all([store.signer('Ed25519'), store.signer('ES256')]);
    const last = prepared.get(context.issuer);
    if (last?.eddsa === eddsa && last.es256 === es256) return last.signer;
    const made: CertificateSigner = {
      keyId: eddsa.id,
      async prepare(tx, certificate, options = {}) {
        const run = options.run ?? issueRun();
        const level = await run.memo(`credential-facts:${certificate.levelId}`, async () => {
          const facts = await levelCredentialFacts(tx, certificate.levelId);
          return facts ? { facts, alignment: await alignmentsOf(tx, facts) } : null;
        });
        if (!level) throw new AppError('not_found', { values: { what: 'certificate' } });
        const revocationList = await listNumber(tx, certificate.revocationListId);
        const suspensionList = await listNumber(tx, certificate.suspensionListId);
        const unsigned = certificateCredentialJson(context, certificate, level.facts, {
          alignment: level.alignment,
          revocationList,
          suspensionList,
          ...(options.creditsEarned !== undefined ? { creditsEarned: options.creditsEarned } : {}),
        });
        const proof = run.pool ? run.pool.sign(unsigned, eddsa) : signCredential(unsigned, eddsa);
        const signed = Promise.all([proof, signCredentialJwt(unsigned, es256)]).then(([credential, jwt]) => ({ credential: JSON.stringify(credential), jwt }));
        // Awaited by `store`; a run that fails before then must not leave an unhandled rejection behind.
        signed.catch(() => undefined);
        return { certificateId: certificate.id, keyId: eddsa.id, signed };
      },
      async store(tx, pending) {
        const signed = await Promise.all(pending.map((p) => p.signed));
        await insertCertificateCredentials(
          tx,
          pending.map((p, i) => ({ certificateId: p.certificateId, credential: signed[i]!.credential, jwt: signed[i]!.jwt, keyId: p.keyId })),
        );
      },
      async issue(tx, certificate, options = {}) {
        await made.store(tx, [await made.prepare(tx, certificate, options)]);
        return { keyId: eddsa.id };
      },
    };
    prepared.set(context.issuer, { eddsa, es256, signer: made });
    return made;
  };
  return {
    signer,
    async signerInTransaction() {
      if (context.backend === 'postgres') return signer();
      return prepared.get(context.issuer)?.signer ?? signer();
    },
  };
}

/** The deployment's certificate credentials, signed by its issuer (one per database handle). */
export function credentialsFor(services: Pick<Services, 'config' | 'database' | 'messages'>): CertificateCredentials {
  const issuer = issuerFor({ config: services.config, database: services.database });
  return certificateCredentials({ issuer, messages: services.messages, backend: services.database.kind });
}

/** The certificate's signed credential as it was issued (JSON with its proof, and the VC-JWT), or null when it has none. */
export async function loadCertificateCredential(db: DbOrTx, certificateId: string): Promise<{ credential: JsonObject; jwt: string } | null> {
  const stored = await findCertificateCredential(db, certificateId);
  return stored ? { credential: JSON.parse(stored.credential) as JsonObject, jwt: stored.jwt } : null;
}

/** The stored credential's JSON text, byte for byte as signed: what downloads and the PDF carry. */
export async function loadCertificateCredentialText(db: DbOrTx, certificateId: string): Promise<string | null> {
  return (await findCertificateCredential(db, certificateId))?.credential ?? null;
}
