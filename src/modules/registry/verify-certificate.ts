import type { DbOrTx } from '../../db/client.js';
import { findPublicCertificate, type PublicCertificate } from '../certification/find-public-certificate.js';
import type { JsonObject } from '../credentials/build-credential.js';
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

/**
 * Verifies one of this deployment's own credentials with the issuer's DID document and status
 * lists, read from the database. A result is reused while the credential, the DID document and
 * the versions of its status lists are unchanged; the validity period is recomputed every time.
 */
export async function verifyOwnCredential(deps: Pick<VerificationDeps, 'issuer' | 'cache'>, credential: JsonObject, now = new Date()): Promise<VerificationResult> {
  const { issuer, cache } = deps;
  const urls = statusListUrls(credential);
  const [didDocument, lists] = await Promise.all([
    issuer.didDocument(),
    Promise.all(
      urls.map(async (url): Promise<[string, SignedStatusList | null]> => {
        const own = parseStatusListUrl(issuer.baseUrl, url);
        return [url, own ? await issuer.signedStatusList(own.purpose, own.number) : null];
      }),
    ),
  ]);
  const key = VerificationCache.key([JSON.stringify(credential), JSON.stringify(didDocument), ...lists.map(([url, list]) => `${url} ${list?.etag ?? '-'}`)]);
  let result = cache.get(key);
  if (!result) {
    const byUrl = new Map(lists);
    result = await verifyCredential(credential, {
      resolveKey: didDocumentKeyResolver([didDocument]),
      fetchStatusList: async (url) => {
        const list = byUrl.get(url);
        return list ? (JSON.parse(list.json) as unknown) : null;
      },
      trustedIssuers: [issuer.did],
      now,
    });
    // A failure to read a list may be passing; only settled answers are kept.
    if (!result.checks.some((check) => check.code === 'status_unavailable')) cache.set(key, result);
  }
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
  const result = stored ? await verifyOwnCredential(deps, stored.credential, now) : null;
  return { certificate, result, valid: certificate.status === 'active' && result !== null && result.valid };
}
