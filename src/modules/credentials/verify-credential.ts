import { type JsonObject } from './build-credential.js';
import { checkStatus, type StatusListFetcher, type StatusOutcome } from './check-status.js';
import { noKeys, type KeyResolver } from './key-resolver.js';
import { validateOb3Schema } from './ob3-schema.js';
import { verifyDataIntegrity, type ProofOutcome } from './verify-data-integrity.js';
import { looksLikeJwt, verifyCredentialJwt } from './verify-jwt.js';

export type CheckName = 'format' | 'schema' | 'signature' | 'issuer' | 'status' | 'validity';

export interface Check {
  name: CheckName;
  ok: boolean;
  /** Machine-readable cause (e.g. `revoked`, `expired`, `unknown_key`) for translated messages. */
  code?: string;
  /** English detail for logs and the command line. */
  reason?: string;
}

export interface VerificationResult {
  valid: boolean;
  checks: Check[];
  /** What was verified: an embedded-proof JSON credential or a VC-JWT. */
  form: 'json' | 'jwt' | null;
  credential: JsonObject | null;
  status: Pick<StatusOutcome, 'revoked' | 'suspended' | 'entries'> | null;
  /** Reshaping applied before the schema check (see validateOb3Schema). */
  schemaAdaptations: string[];
}

export interface VerifyOptions {
  /** The only source of public keys. Defaults to knowing none, so nothing verifies by accident. */
  resolveKey?: KeyResolver;
  fetchStatusList?: StatusListFetcher;
  now?: Date;
  /** When given, the issuer must be one of these ids as well as hold the signing key. */
  trustedIssuers?: readonly string[];
}

const CREDENTIALS_CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/2018/credentials/v1'];
const BADGE_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function issuerIdOf(credential: JsonObject): string | null {
  const issuer = credential.issuer;
  const id = typeof issuer === 'object' && issuer !== null ? (issuer as { id?: unknown }).id : issuer;
  return typeof id === 'string' ? id : null;
}

function formatProblem(credential: JsonObject): string | null {
  const contexts = asArray(credential['@context']);
  if (!CREDENTIALS_CONTEXTS.includes(contexts[0] as string)) return '@context does not start with the W3C credentials context';
  const types = asArray(credential.type);
  if (!types.includes('VerifiableCredential')) return 'type does not include VerifiableCredential';
  if (!types.some((t) => BADGE_TYPES.includes(t as string))) return 'type includes neither OpenBadgeCredential nor AchievementCredential';
  if (!issuerIdOf(credential)) return 'The issuer has no id';
  if (typeof credential.credentialSubject !== 'object' || credential.credentialSubject === null) return 'credentialSubject is missing';
  return null;
}

/** The validity period alone: it changes with the clock, so a verifier holding an earlier result can recompute it. */
export function validityCheck(credential: JsonObject, now: Date): Check {
  const fromText = credential.validFrom ?? credential.issuanceDate;
  const untilText = credential.validUntil ?? credential.expirationDate;
  const from = typeof fromText === 'string' ? Date.parse(fromText) : Number.NaN;
  const until = typeof untilText === 'string' ? Date.parse(untilText) : Number.POSITIVE_INFINITY;
  if (Number.isNaN(from) || Number.isNaN(until)) return { name: 'validity', ok: false, code: 'bad_dates', reason: 'validFrom or validUntil is not a date' };
  if (now.getTime() < from) return { name: 'validity', ok: false, code: 'not_yet_valid', reason: `Not valid before ${String(fromText)}` };
  if (now.getTime() > until) return { name: 'validity', ok: false, code: 'expired', reason: `Expired on ${String(untilText)}` };
  return { name: 'validity', ok: true };
}

function issuerCheck(issuerId: string | null, proof: ProofOutcome, trusted: readonly string[] | undefined): Check {
  if (!proof.ok || !proof.key) {
    return { name: 'issuer', ok: false, code: 'unconfirmed', reason: 'The issuer cannot be confirmed without a verified signature' };
  }
  if (proof.key.controller !== issuerId) {
    return {
      name: 'issuer',
      ok: false,
      code: 'issuer_mismatch',
      reason: `Key ${proof.key.id} belongs to ${proof.key.controller}, not to the named issuer ${String(issuerId)}`,
    };
  }
  if (trusted && !trusted.includes(issuerId)) {
    return { name: 'issuer', ok: false, code: 'untrusted_issuer', reason: `${issuerId} is not among the trusted issuers` };
  }
  return { name: 'issuer', ok: true };
}

function parseInput(input: unknown): { form: 'json' | 'jwt'; value: JsonObject | string } | { problem: string } {
  let value = input;
  if (value instanceof Uint8Array) value = Buffer.from(value).toString('utf8');
  if (typeof value === 'string') {
    const text = value.trim();
    if (looksLikeJwt(text)) return { form: 'jwt', value: text };
    try {
      value = JSON.parse(text);
    } catch {
      return { problem: 'Neither JSON nor a compact JWT' };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'Not a JSON object' };
  return { form: 'json', value: value as JsonObject };
}

function failedFormat(problem: string, form: 'json' | 'jwt' | null = null): VerificationResult {
  return { valid: false, checks: [{ name: 'format', ok: false, code: 'format', reason: problem }], form, credential: null, status: null, schemaAdaptations: [] };
}

/**
 * Verifies an Open Badges 3.0 credential given as JSON with an embedded eddsa-rdfc-2022 proof or
 * as a VC-JWT, and reports each check. Never throws for bad input: anything unreadable is a
 * failed `format` check.
 */
export async function verifyCredential(input: unknown, options: VerifyOptions = {}): Promise<VerificationResult> {
  try {
    const resolveKey = options.resolveKey ?? noKeys;
    const now = options.now ?? new Date();
    const parsed = parseInput(input);
    if ('problem' in parsed) return failedFormat(parsed.problem);

    let credential: JsonObject;
    let proof: ProofOutcome;
    const formatChecks: Check[] = [];
    if (parsed.form === 'jwt') {
      const jwt = await verifyCredentialJwt(parsed.value as string, resolveKey);
      if (!jwt.credential) return failedFormat(jwt.formatError ?? 'Unreadable JWT', 'jwt');
      credential = jwt.credential;
      proof = jwt.signature;
      if (!jwt.claims.ok) formatChecks.push({ name: 'format', ok: false, code: 'jwt_claims', reason: jwt.claims.reason });
    } else {
      credential = parsed.value as JsonObject;
      proof = await verifyDataIntegrity(credential, resolveKey);
    }

    const problem = formatProblem(credential);
    const format: Check = problem
      ? { name: 'format', ok: false, code: 'format', reason: problem }
      : (formatChecks[0] ?? { name: 'format', ok: true });
    const schema = validateOb3Schema(credential);
    const issuerId = issuerIdOf(credential);
    const status = await checkStatus(credential, { issuerId, fetchStatusList: options.fetchStatusList, resolveKey, now });

    const checks: Check[] = [
      format,
      schema.ok ? { name: 'schema', ok: true } : { name: 'schema', ok: false, code: 'schema', reason: schema.errors.slice(0, 5).join('; ') },
      proof.ok ? { name: 'signature', ok: true } : { name: 'signature', ok: false, code: proof.code, reason: proof.reason },
      issuerCheck(issuerId, proof, options.trustedIssuers),
      status
        ? status.ok
          ? { name: 'status', ok: true }
          : { name: 'status', ok: false, code: status.code, reason: status.reason }
        : { name: 'status', ok: true, reason: 'The credential carries no status information' },
      validityCheck(credential, now),
    ];
    return {
      valid: checks.every((c) => c.ok),
      checks,
      form: parsed.form,
      credential,
      status: status ? { revoked: status.revoked, suspended: status.suspended, entries: status.entries } : null,
      schemaAdaptations: schema.adaptations,
    };
  } catch (error) {
    // Libraries below may throw on hostile input the checks above did not foresee.
    return failedFormat(`The credential could not be processed: ${(error as Error).message}`);
  }
}
