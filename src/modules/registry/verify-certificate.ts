import type { DbOrTx } from '../../db/client.js';
import { findPublicCertificate, type PublicCertificate } from '../certification/find-public-certificate.js';
import type { JsonObject } from '../credentials/build-credential.js';
import type { DidDocument } from '../credentials/did-document.js';
import type { Issuer } from '../credentials/issuer.js';
import { didDocumentKeyResolver } from '../credentials/key-resolver.js';
import type { SignedStatusList } from '../credentials/signed-status-list.js';
import { parseStatusListUrl } from '../credentials/status-urls.js';
import { validityCheck, verifyCredential, type VerificationResult } from '../credentials/verify-credential.js';
import { VerificationCache } from './verification-cache.js';

/** A certificate's signed credential as stored at issuance: the embedded-proof JSON and the VC-JWT. */
export interface StoredCredential {
  credential: JsonObject;
  jwt: string;
}

export type CredentialLoader = (db: DbOrTx, certificateId: string) => Promise<StoredCredential | null>;

export interface VerificationDeps {
  db: DbOrTx;
  issuer: Issuer;
  loadCredential: CredentialLoader;
  cache: VerificationCache;
  didDocument?: () => Promise<DidDocument>;
}

export interface CertificateVerification {
  certificate: PublicCertificate;
  /** The checks of the stored signed credential; null when the certificate has none. */
  result: VerificationResult | null;
  /** Active in the register and every check of its credential passed. */
  valid: boolean;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function statusListUrls(credential: JsonObject): string[] {
  const urls = asArray(credential.credentialStatus).map((entry) =>
    typeof entry === 'object' && entry !== null ? (entry as JsonObject).statusListCredential : undefined,
  );
  return [...new Set(urls.filter((url): url is string => typeof url === 'string'))];
}

/** How long the DID document read from the database is reused: a rotated or withdrawn key shows within this time. */
export const DID_DOCUMENT_REUSE_MS = 10_000;

/** This deployment's DID document, re-read at most every DID_DOCUMENT_REUSE_MS. */
export function recentDidDocument(issuer: Pick<Issuer, 'didDocument'>, now: () => number = Date.now): () => Promise<DidDocument> {
  let held: { at: number; document: Promise<DidDocument> } | null = null;
  return () => {
    if (!held || now() - held.at > DID_DOCUMENT_REUSE_MS) {
      const document = issuer.didDocument();
      const entry = { at: now(), document };
      held = entry;
      document.catch(() => {
        if (held === entry) held = null;
      });
    }
    return held.document;
  };
}

export interface OwnCredentialOptions {
  now?: Date;
  /**
   * What changes whenever the credential's status bits change, when the caller knows it (the
   * certificate's status and when it last changed: both are written in the transaction that sets
   * the bits). Without it the status lists' own versions are read.
   */
  statusVersion?: string;
  didDocument?: () => Promise<DidDocument>;
}

/**
 * Verifies one of this deployment's own credentials with the issuer's DID document and status
 * lists, read from the database. A result is reused while the credential, the DID document and
 * its status are unchanged; the validity period is recomputed every time.
 */
export async function verifyOwnCredential(deps: Pick<VerificationDeps, 'issuer' | 'cache'>, credential: JsonObject, options: OwnCredentialOptions = {}): Promise<VerificationResult> {
  const { issuer, cache } = deps;
  const now = options.now ?? new Date();
  const urls = statusListUrls(credential);
  const readLists = () =>
    Promise.all(
      urls.map(async (url): Promise<[string, SignedStatusList | null]> => {
        const own = parseStatusListUrl(issuer.baseUrl, url);
        return [url, own ? await issuer.signedStatusList(own.purpose, own.number) : null];
      }),
    );
  const [didDocument, known] = await Promise.all([
    options.didDocument ? options.didDocument() : issuer.didDocument(),
    options.statusVersion === undefined ? readLists() : Promise.resolve(null),
  ]);
  const statusPart = known ? known.map(([url, list]) => `${url} ${list?.etag ?? '-'}`) : [`status ${options.statusVersion ?? ''}`];
  const key = VerificationCache.key([JSON.stringify(credential), JSON.stringify(didDocument), ...statusPart]);
  let pending = cache.get(key);
  if (!pending) {
    const entry = (async () => {
      const byUrl = new Map(known ?? (await readLists()));
      return verifyCredential(credential, {
        resolveKey: didDocumentKeyResolver([didDocument]),
        fetchStatusList: async (url) => {
          const list = byUrl.get(url);
          return list ? (JSON.parse(list.json) as unknown) : null;
        },
        trustedIssuers: [issuer.did],
        now,
      });
    })();
    cache.set(key, entry);
    // A failure to read a list may be passing; only settled answers are kept.
    entry.then(
      (result) => {
        if (result.checks.some((check) => check.code === 'status_unavailable')) cache.delete(key, entry);
      },
      () => cache.delete(key, entry),
    );
    pending = entry;
  }
  const result = await pending;
  if (!result.credential) return result;
  const validity = validityCheck(result.credential, now);
  const checks = result.checks.map((check) => (check.name === 'validity' ? validity : check));
  return { ...result, checks, valid: checks.every((check) => check.ok) };
}

/**
 * What the public verification address says about a certificate: the register's facts and the
 * checks of its signed credential. Null for an unknown number or a wrong code alike.
 */
export async function verifyCertificate(deps: VerificationDeps, number: string, code: string, now = new Date()): Promise<CertificateVerification | null> {
  const certificate = await findPublicCertificate(deps.db, number, code);
  if (!certificate) return null;
  const stored = await deps.loadCredential(deps.db, certificate.id);
  const statusVersion = `${certificate.status} ${certificate.statusChangedAt?.toISOString() ?? '-'}`;
  const result = stored ? await verifyOwnCredential(deps, stored.credential, { now, statusVersion, ...(deps.didDocument ? { didDocument: deps.didDocument } : {}) }) : null;
  return { certificate, result, valid: certificate.status === 'active' && result !== null && result.valid };
}
