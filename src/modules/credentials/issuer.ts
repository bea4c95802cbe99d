import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { buildDidDocument, didWebFromUrl, type DidDocument } from './did-document.js';
import { didDocumentKeyResolver, type KeyResolver } from './key-resolver.js';
import type { IssuerKeyStore } from './key-rows.js';
import { openIssuerKeys } from './open-issuer-keys.js';
import { StatusListPublisher, type SignedStatusList } from './signed-status-list.js';
import type { StatusListFetcher } from './check-status.js';
import type { StatusPurpose } from './status-list.js';
import { parseStatusListUrl, statusListUrl } from './status-urls.js';

/** This deployment as an issuer of credentials: its DID, keys and status lists. */
export interface Issuer {
  /** did:web of USTA_PUBLIC_URL. */
  readonly did: string;
  readonly baseUrl: string;
  /** Opens the keys on first call (creating them on a first start); rejects with IssuerKeysError when they cannot be used. */
  keys(): Promise<IssuerKeyStore>;
  /** The DID document as it is now: current and retired keys, re-read in case another instance rotated. */
  didDocument(): Promise<DidDocument>;
  statusListUrl(purpose: StatusPurpose, number: number): string;
  /** The signed status list, or null when there is no such list. */
  signedStatusList(purpose: StatusPurpose, number: number): Promise<SignedStatusList | null>;
  /**
   * Key resolution and status lists for verifying credentials on the server: our own DID and
   * lists are answered from the database, without HTTP; anything else is unknown.
   */
  verifySources(): Promise<{ resolveKey: KeyResolver; fetchStatusList: StatusListFetcher }>;
}

export interface IssuerServices {
  config: Pick<Config, 'publicUrl' | 'keyPassphrase' | 'keyFile'>;
  database: Database;
}

function createIssuer({ config, database }: IssuerServices): Issuer {
  const did = didWebFromUrl(config.publicUrl);
  const baseUrl = config.publicUrl;
  let opening: Promise<IssuerKeyStore> | null = null;
  const keys = () => {
    opening ??= openIssuerKeys(database.db, { controller: did, passphrase: config.keyPassphrase, keyFile: config.keyFile }).catch(
      (error: unknown) => {
        opening = null;
        throw error;
      },
    );
    return opening;
  };
  const urlFor = (purpose: StatusPurpose, number: number) => statusListUrl(baseUrl, purpose, number);
  const publisher = new StatusListPublisher({
    db: database.db,
    issuerId: did,
    urlFor,
    signer: async () => (await keys()).signer('Ed25519'),
  });
  const didDocument = async () => buildDidDocument(did, await (await keys()).refresh());
  const signedStatusList = (purpose: StatusPurpose, number: number) => publisher.get(purpose, number);
  return {
    did,
    baseUrl,
    keys,
    didDocument,
    statusListUrl: urlFor,
    signedStatusList,
    async verifySources() {
      const resolveKey = didDocumentKeyResolver([await didDocument()]);
      const fetchStatusList: StatusListFetcher = async (url) => {
        const own = parseStatusListUrl(baseUrl, url);
        const signed = own ? await signedStatusList(own.purpose, own.number) : null;
        return signed ? (JSON.parse(signed.json) as unknown) : null;
      };
      return { resolveKey, fetchStatusList };
    },
  };
}

const issuers = new WeakMap<Database, Issuer>();

/** The issuer of this deployment, one per database handle, so every module signs with the same keys and cache. */
export function issuerFor(services: IssuerServices): Issuer {
  let issuer = issuers.get(services.database);
  if (!issuer) {
    issuer = createIssuer(services);
    issuers.set(services.database, issuer);
  }
  return issuer;
}
