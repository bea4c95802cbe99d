import type { CredentialSources } from '../credentials/credential-sources.js';
import type { Issuer } from '../credentials/issuer.js';
import { nodePdfReader } from '../credentials/node-pdf-reader.js';
import { parseStatusListUrl } from '../credentials/status-urls.js';
import { verifyCredentialFile, type FileVerification } from '../credentials/verify-file.js';

/**
 * This deployment's own DID document and status lists, read from the database. The server never
 * fetches a document named in an uploaded file from anywhere else: a public upload must not make
 * it send requests to addresses a stranger chose.
 */
export function ownCredentialSources(issuer: Pick<Issuer, 'did' | 'baseUrl' | 'didDocument' | 'signedStatusList'>): CredentialSources {
  return {
    async didDocument(did, url) {
      if (did !== issuer.did) return null;
      return { kind: 'did', key: did, url: url.href, document: await issuer.didDocument(), fetchedAt: new Date(), fromCache: false };
    },
    async statusList(url) {
      const own = parseStatusListUrl(issuer.baseUrl, url.href);
      const signed = own ? await issuer.signedStatusList(own.purpose, own.number) : null;
      if (!signed) return null;
      return { kind: 'status', key: url.href, url: url.href, document: JSON.parse(signed.json) as unknown, fetchedAt: new Date(), fromCache: false };
    },
  };
}

/** Verifies an uploaded credential JSON, VC-JWT or certificate PDF as issued by this deployment. */
export async function verifyUploadedFile(issuer: Issuer, bytes: Uint8Array, now = new Date()): Promise<FileVerification> {
  return verifyCredentialFile(bytes, { sources: ownCredentialSources(issuer), pdf: nodePdfReader, now });
}
