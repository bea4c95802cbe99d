// The JSON-LD and Data Integrity libraries ship JavaScript without type declarations; these cover
// exactly the parts this module calls.

declare module 'jsonld' {
  interface JsonLdOptions {
    documentLoader?: (url: string) => Promise<unknown>;
    safe?: boolean;
    base?: string | null;
    algorithm?: string;
    format?: string;
    rdfDirection?: string;
  }
  const jsonld: {
    canonize(input: object, options: JsonLdOptions): Promise<string>;
    expand(input: object, options: JsonLdOptions): Promise<object[]>;
  };
  export default jsonld;
}

declare module 'jsonld-signatures' {
  interface ProofPurposeOptions {
    controller?: object;
  }
  class ProofPurpose {
    constructor(options?: ProofPurposeOptions);
  }
  interface VerifyResult {
    verified: boolean;
    error?: Error & { errors?: Error[] };
    results?: { verified: boolean; error?: Error }[];
  }
  const jsigs: {
    sign(document: object, options: { suite: unknown; purpose: ProofPurpose; documentLoader: unknown }): Promise<object>;
    verify(document: object, options: { suite: unknown; purpose: ProofPurpose; documentLoader: unknown }): Promise<VerifyResult>;
    purposes: { AssertionProofPurpose: typeof ProofPurpose };
  };
  export default jsigs;
}

declare module '@digitalbazaar/vc' {
  export class CredentialIssuancePurpose {
    constructor(options?: { controller?: object });
  }
  export function issue(options: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
    purpose?: CredentialIssuancePurpose;
  }): Promise<object>;
}

declare module '@digitalbazaar/data-integrity' {
  export interface DataIntegritySigner {
    id: string;
    algorithm: string;
    sign(input: { data: Uint8Array }): Promise<Uint8Array>;
  }
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: DataIntegritySigner; date?: Date | string | null });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: { name: string };
}

declare module '@digitalbazaar/ed25519-multikey' {
  import type { DataIntegritySigner } from '@digitalbazaar/data-integrity';
  interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): DataIntegritySigner;
  }
  export function generate(options?: { id?: string; controller?: string }): Promise<Ed25519KeyPair>;
  export function fromJwk(options: { jwk: JsonWebKey; secretKey?: boolean; id?: string; controller?: string }): Promise<Ed25519KeyPair>;
  export function toJwk(options: { keyPair: Ed25519KeyPair; secretKey?: boolean }): Promise<JsonWebKey>;
}

declare module 'rdf-canonize' {
  export function canonize(input: unknown, options: { algorithm: string; format?: string }): Promise<string>;
}

declare module 'base58-universal' {
  export function encode(input: Uint8Array): string;
  export function decode(input: string): Uint8Array;
}
