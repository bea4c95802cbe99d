import type { ExpectedCertificateFields, VisibleComparison } from '../../platform/pdf/visible-fields.js';
import type { JsonObject } from './build-credential.js';
import { expectedCertificateFields } from './certificate-fields.js';
import type { CredentialSources, FetchedDocument } from './credential-sources.js';
import { didWebDocumentUrl } from './did-web.js';
import { didDocumentKeyResolver, noKeys, type KeyResolver } from './key-resolver.js';
import { verifyCredential, type VerificationResult } from './verify-credential.js';

/** Reads certificate PDFs; kept behind this interface because the PDF libraries differ between Node and the browser. */
export interface PdfReader {
  /** Files attached to the PDF; throws when the bytes are not a readable PDF. */
  attachments(pdf: Uint8Array): Promise<Array<{ name: string; mimeType?: string; bytes: Uint8Array }>>;
  visibleFields(pdf: Uint8Array, expected: ExpectedCertificateFields): Promise<VisibleComparison>;
}

/** One document the verification needed, and what became of it. */
export interface SourceUse {
  kind: FetchedDocument['kind'];
  key: string;
  url: string;
  /** What was fetched or cached; null when it could not be had. */
  found: FetchedDocument | null;
  /** Not asked for at all: the URL is not on the issuer's own host. */
  refused?: boolean;
}

export interface FileVerification {
  input: 'json' | 'jwt' | 'pdf' | null;
  valid: boolean;
  result: VerificationResult;
  /** The certificate's visible text held against the credential; null unless the file is a PDF with a credential. */
  pdf: VisibleComparison | null;
  /** A PDF without a credential attached. */
  noCredential: boolean;
  issuer: string | null;
  sources: SourceUse[];
}

export interface VerifyFileOptions {
  sources: CredentialSources;
  pdf?: PdfReader;
  now?: Date;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
const CREDENTIAL_TYPES = ['application/ld+json', 'application/vc+ld+json', 'application/vc', 'application/json', 'application/jwt', 'application/vc+jwt'];

function isPdf(bytes: Uint8Array): boolean {
  const start = bytes.subarray(0, 1024);
  for (let i = 0; i + PDF_MAGIC.length <= start.length; i++) if (PDF_MAGIC.every((b, j) => start[i + j] === b)) return true;
  return false;
}

function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function base64UrlText(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

/** The issuer id the credential names, read before any check so that its DID document can be fetched. */
function namedIssuer(text: string): string | null {
  const trimmed = text.trim();
  let credential: unknown;
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(trimmed)) {
    const part = trimmed.split('.')[1] ?? '';
    let payload: JsonObject | null;
    try {
      payload = decodeJson(base64UrlText(part)) as JsonObject | null;
    } catch {
      return null;
    }
    credential = payload && typeof payload.vc === 'object' ? payload.vc : payload;
  } else {
    credential = decodeJson(trimmed);
  }
  if (typeof credential !== 'object' || credential === null) return null;
  const issuer = (credential as JsonObject).issuer;
  const id = typeof issuer === 'object' && issuer !== null ? (issuer as JsonObject).id : issuer;
  return typeof id === 'string' ? id : null;
}

function formatFailure(reason: string): VerificationResult {
  return { valid: false, checks: [{ name: 'format', ok: false, code: 'format', reason }], form: null, credential: null, status: null, schemaAdaptations: [] };
}

/**
 * Verifies a credential file (JSON with an embedded proof, a VC-JWT, or a certificate PDF with the
 * credential attached). The issuer's keys come only from its did:web DID document, fetched from the
 * host the DID names; status lists are fetched only from that same host. Nothing else is contacted.
 */
export async function verifyCredentialFile(bytes: Uint8Array, options: VerifyFileOptions): Promise<FileVerification> {
  const sources: SourceUse[] = [];
  let input: FileVerification['input'] = null;
  let credentialBytes = bytes;
  if (isPdf(bytes)) {
    input = 'pdf';
    if (!options.pdf) return { input, valid: false, result: formatFailure('PDF files cannot be read here'), pdf: null, noCredential: false, issuer: null, sources };
    let attachments: Awaited<ReturnType<PdfReader['attachments']>>;
    try {
      attachments = await options.pdf.attachments(bytes);
    } catch {
      return { input, valid: false, result: formatFailure('The PDF cannot be read'), pdf: null, noCredential: false, issuer: null, sources };
    }
    const attached =
      attachments.find((a) => a.mimeType && CREDENTIAL_TYPES.includes(a.mimeType.toLowerCase())) ??
      attachments.find((a) => /\.(json|jsonld|jwt)$/i.test(a.name));
    if (!attached) return { input, valid: false, result: formatFailure('The PDF carries no credential'), pdf: null, noCredential: true, issuer: null, sources };
    credentialBytes = attached.bytes;
  }
  const text = new TextDecoder().decode(credentialBytes);
  const issuer = namedIssuer(text);
  const didUrl = issuer ? didWebDocumentUrl(issuer) : null;

  let resolveKey: KeyResolver = noKeys;
  if (issuer && didUrl) {
    const found = await options.sources.didDocument(issuer, didUrl);
    sources.push({ kind: 'did', key: issuer, url: didUrl.href, found });
    const document = found?.document as { id?: unknown } | null | undefined;
    // A document served for another DID says nothing about this one.
    if (document && typeof document === 'object' && document.id === issuer) resolveKey = didDocumentKeyResolver([document]);
  }
  const fetchStatusList = async (raw: string): Promise<unknown> => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return null;
    }
    if (!didUrl || url.origin !== didUrl.origin) {
      sources.push({ kind: 'status', key: raw, url: raw, found: null, refused: true });
      return null;
    }
    const found = await options.sources.statusList(url);
    sources.push({ kind: 'status', key: raw, url: url.href, found });
    return found?.document ?? null;
  };

  const result = await verifyCredential(text, { resolveKey, fetchStatusList, ...(options.now ? { now: options.now } : {}) });
  input ??= result.form;
  let pdf: VisibleComparison | null = null;
  if (input === 'pdf' && options.pdf && result.credential) {
    const expected = expectedCertificateFields(result.credential);
    pdf = expected ? await options.pdf.visibleFields(bytes, expected) : { ok: false, checks: [{ name: 'number', ok: false, reason: 'missing' }] };
  }
  return { input, valid: result.valid && (pdf?.ok ?? true), result, pdf, noCredential: false, issuer, sources };
}
