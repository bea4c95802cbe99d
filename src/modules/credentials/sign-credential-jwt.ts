import { AppError } from '../../platform/errors.js';
import { type JsonObject } from './build-credential.js';
import { type KeySigner } from './key-store.js';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function numericDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id;
  return undefined;
}

/**
 * The JWT claims OB 3.0 (section 8.2, VC Data Model 2.0 edition) asks for beside the credential:
 * `iss` = issuer id, `jti` = credential id, `nbf` = validFrom, `exp` = validUntil and `sub` = the
 * subject id when the subject has one.
 */
export function jwtClaimsFor(credential: JsonObject): JsonObject {
  const sub = idOf(credential.credentialSubject);
  const exp = numericDate(credential.validUntil);
  return {
    iss: idOf(credential.issuer),
    jti: credential.id,
    nbf: numericDate(credential.validFrom),
    ...(exp !== undefined ? { exp } : {}),
    ...(sub !== undefined ? { sub } : {}),
  };
}

/**
 * The credential as a VC-JWT in OB 3.0's JSON Web Token proof format: the JOSE header holds only
 * `alg`, `typ` ("JWT") and `kid` (the did:web key id), and the payload is the credential itself
 * with the registered claims added. The signature comes from the key store's signer, so a KMS can
 * sign without handing out its key.
 */
export async function signCredentialJwt(credential: JsonObject, signer: KeySigner): Promise<string> {
  if (signer.algorithm !== 'ES256') throw new AppError('internal', { values: { reason: 'the VC-JWT is signed with ES256' } });
  const header = { alg: 'ES256', typ: 'JWT', kid: signer.id };
  const signingInput = `${base64url(header)}.${base64url({ ...credential, ...jwtClaimsFor(credential) })}`;
  const signature = await signer.sign({ data: new TextEncoder().encode(signingInput) });
  return `${signingInput}.${Buffer.from(signature).toString('base64url')}`;
}
