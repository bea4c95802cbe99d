import { Ajv2019 } from 'ajv/dist/2019.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import achievementCredentialSchema from './ob3-schema/achievementcredential.json' with { type: 'json' };

export interface SchemaResult {
  ok: boolean;
  /** Human-readable schema violations (JSON pointer and message). */
  errors: string[];
  /**
   * Where the credential was reshaped before validation because the bundled schema copy is
   * narrower than the VC Data Model 2.0 it describes. Empty when it validated as it stands.
   */
  adaptations: string[];
}

// ajv-formats is CommonJS with a default export; under NodeNext that default arrives one level down.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (
  ajv: Ajv2019,
) => Ajv2019;

let compiled: { credential: ValidateFunction; status: ValidateFunction } | null = null;

function validators() {
  if (!compiled) {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    const credential = ajv.compile(achievementCredentialSchema);
    const status = ajv.getSchema(`${achievementCredentialSchema.$id}#/$defs/CredentialStatus`);
    if (!status) throw new TypeError('The bundled OB 3.0 schema has no CredentialStatus definition');
    compiled = { credential, status };
  }
  return compiled;
}

function describe(errors: ErrorObject[] | null | undefined, prefix = ''): string[] {
  return (errors ?? []).map((e) => `${prefix}${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

/**
 * Validates against the official OB 3.0 AchievementCredential JSON Schema (VC Data Model 2.0
 * edition, draft 2019-09), bundled as published.
 *
 * That copy allows `proof` only as an array and `credentialStatus` only as a single object, while
 * the VC Data Model 2.0 allows one or many of each. Rather than edit the official schema, a
 * single `proof` object is validated as a one-element array, and several `credentialStatus`
 * entries are each validated against the schema's own CredentialStatus definition. Each such step
 * is reported in `adaptations`, so a caller can tell "valid as published" from "valid once the
 * known narrowings are allowed".
 */
export function validateOb3Schema(credential: unknown): SchemaResult {
  const { credential: validate, status: validateStatus } = validators();
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    return { ok: false, errors: ['/ must be a JSON object'], adaptations: [] };
  }
  const adaptations: string[] = [];
  const errors: string[] = [];
  const view: Record<string, unknown> = { ...(credential as Record<string, unknown>) };
  if (view.proof !== undefined && !Array.isArray(view.proof)) {
    view.proof = [view.proof];
    adaptations.push('proof: a single proof object was validated as a one-element array');
  }
  if (Array.isArray(view.credentialStatus)) {
    const entries: unknown[] = view.credentialStatus;
    entries.forEach((entry, i) => {
      if (!validateStatus(entry)) errors.push(...describe(validateStatus.errors, `/credentialStatus/${i}`));
    });
    if (entries.length === 0) errors.push('/credentialStatus must not be an empty array');
    delete view.credentialStatus;
    adaptations.push(`credentialStatus: ${entries.length} entries were each validated against the schema's CredentialStatus definition`);
  }
  if (!validate(view)) errors.push(...describe(validate.errors));
  return { ok: errors.length === 0, errors, adaptations };
}
