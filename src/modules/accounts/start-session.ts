import type { DbOrTx } from '../../db/client.js';
import { randomToken, tokenHash } from '../../platform/auth/secrets.js';
import { insertSession } from './repository.js';

export const SESSION_DAYS = 14;

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  expiresAt: Date;
}

export async function startSession(db: DbOrTx, userId: string): Promise<NewSession> {
  const sessionToken = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await insertSession(db, tokenHash(sessionToken), userId, expiresAt);
  return { sessionToken, expiresAt };
}
