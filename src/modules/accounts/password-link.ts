import type { Config } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { randomToken, tokenHash } from '../../platform/auth/secrets.js';
import { insertPasswordReset } from './repository.js';

/** A forgotten-password link is short-lived; an invitation waits for someone to read their mail. */
export const RESET_LINK_HOURS = 1;
export const INVITATION_LINK_DAYS = 7;

/**
 * Stores the hash of a fresh single-use token and returns the link that carries the token itself.
 * Used for forgotten passwords and for invitations, which are the same act: choosing a password.
 */
export async function issuePasswordLink(db: DbOrTx, config: Config, userId: string, validForHours: number): Promise<string> {
  const token = randomToken();
  await insertPasswordReset(db, {
    tokenHash: tokenHash(token),
    userId,
    expiresAt: new Date(Date.now() + validForHours * 3600 * 1000),
  });
  return `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
}
