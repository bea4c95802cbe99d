import type { Db } from '../../db/client.js';
import { TOKEN_PREFIX } from '../../platform/auth/plugin.js';
import { randomToken, tokenHash } from '../../platform/auth/secrets.js';
import { insertApiToken, type ApiTokenRow } from './repository.js';

export interface CreateApiTokenOptions {
  userId: string;
  name: string;
}

/** Creates a token that acts with the user's rights; the secret is returned once and never stored. */
export async function createApiToken(db: Db, options: CreateApiTokenOptions): Promise<ApiTokenRow & { token: string }> {
  const token = randomToken(TOKEN_PREFIX);
  const row = await insertApiToken(db, {
    userId: options.userId,
    name: options.name.trim(),
    tokenHash: tokenHash(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
  });
  return { ...row, token };
}
