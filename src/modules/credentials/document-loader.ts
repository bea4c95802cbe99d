import bitstringStatusListV1 from './contexts/bitstring-status-list-v1.json' with { type: 'json' };
import credentialsV2 from './contexts/credentials-v2.json' with { type: 'json' };
import dataIntegrityV2 from './contexts/data-integrity-v2.json' with { type: 'json' };
import didV1 from './contexts/did-v1.json' with { type: 'json' };
import multikeyV1 from './contexts/multikey-v1.json' with { type: 'json' };
import obContext301 from './contexts/ob-v3p0-context-3.0.1.json' with { type: 'json' };
import obContext302 from './contexts/ob-v3p0-context-3.0.2.json' with { type: 'json' };
import obContext303 from './contexts/ob-v3p0-context-3.0.3.json' with { type: 'json' };
import obExtensions from './contexts/ob-v3p0-extensions.json' with { type: 'json' };

export const CREDENTIALS_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3P0_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const DATA_INTEGRITY_V2_CONTEXT = 'https://w3id.org/security/data-integrity/v2';
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const BITSTRING_STATUS_LIST_V1_CONTEXT = 'https://www.w3.org/ns/credentials/status/v1';

/**
 * Every JSON-LD document this module will ever dereference. Canonicalisation must not depend on
 * the network: a context fetched at verification time could be swapped to change what a signed
 * credential means, and an offline verifier has no network at all.
 */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, object> = new Map<string, object>([
  [CREDENTIALS_V2_CONTEXT, credentialsV2],
  [OB_V3P0_CONTEXT, obContext303],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', obContext302],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', obContext301],
  ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', obExtensions],
  [DATA_INTEGRITY_V2_CONTEXT, dataIntegrityV2],
  [MULTIKEY_V1_CONTEXT, multikeyV1],
  [DID_V1_CONTEXT, didV1],
  [BITSTRING_STATUS_LIST_V1_CONTEXT, bitstringStatusListV1],
]);

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: object;
  /**
   * `static` tells jsonld the document never changes, so it keeps the processed context in its
   * shared cache across operations instead of reprocessing it for every credential. That is most
   * of the cost of signing and verifying (see bench/issuance-signing.ts).
   */
  tag?: 'static';
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

export class UnknownDocumentError extends Error {
  readonly url: string;
  constructor(url: string) {
    super(`JSON-LD document "${url}" is not bundled; it is refused rather than fetched`);
    this.name = 'UnknownDocumentError';
    this.url = url;
  }
}

/**
 * An offline loader over the bundled contexts plus any `extra` documents the caller vouches for
 * (for example a verification method it resolved itself). Anything else is refused, never fetched.
 */
export function createDocumentLoader(extra: ReadonlyMap<string, object> = new Map()): DocumentLoader {
  return async (url: string) => {
    const bundled = BUNDLED_CONTEXTS.get(url);
    if (bundled && !extra.has(url)) return { contextUrl: null, documentUrl: url, document: bundled, tag: 'static' };
    const document = extra.get(url);
    if (!document) throw new UnknownDocumentError(url);
    return { contextUrl: null, documentUrl: url, document };
  };
}

/** The loader shared by signing and verification; built once, since it is hit for every credential. */
export const documentLoader: DocumentLoader = createDocumentLoader();
