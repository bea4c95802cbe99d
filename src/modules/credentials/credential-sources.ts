/** A document a verifier fetched (or took from its cache), and when it was fetched. */
export interface FetchedDocument {
  kind: 'did' | 'status';
  /** The DID, or the status list URL. */
  key: string;
  url: string;
  document: unknown;
  fetchedAt: Date;
  fromCache: boolean;
}

/**
 * Where a verifier gets the issuer's DID document and status lists: over HTTP, from a cache, or
 * (in the browser) through whatever fetch the page has. Null when the document cannot be had.
 */
export interface CredentialSources {
  didDocument(did: string, url: URL): Promise<FetchedDocument | null>;
  statusList(url: URL): Promise<FetchedDocument | null>;
}
