import type { ChangeFeed } from '../../db/change-feed.js';
import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import type { AuthResolvers } from '../../platform/auth/plugin.js';
import { RowCache } from '../../platform/cache/row-cache.js';
import { findSessionCredential, findTokenCredential, recordTokenUse } from './repository.js';

/** How stale a token's "last used" may be: recording every use would make each read request a write. */
export const LAST_USED_PRECISION_MS = 60_000;

interface KeptSession {
  auth: AuthContext;
  expiresAt: number;
}

interface KeptToken {
  auth: AuthContext;
  tokenId: string;
  lastUsedAt: number;
}

/**
 * Who holds a session cookie or an API token. Every request needs it, so what was read is kept in
 * memory (by the credential's hash) until the user, their memberships, the session or the token
 * change on any instance: signing out, revoking a token or removing a role takes effect at once.
 */
/** Kept contexts are shared by every request of the user: none may change one. */
function frozen(auth: AuthContext): AuthContext {
  Object.freeze(auth.user);
  for (const membership of auth.memberships) Object.freeze(membership);
  Object.freeze(auth.memberships);
  return Object.freeze(auth);
}

export function authResolvers(db: Db, feed: ChangeFeed): AuthResolvers {
  const keptSessions = new RowCache<KeptSession>(feed);
  const keptTokens = new RowCache<KeptToken>(feed);

  const recordUse = async (kept: KeptToken, now: number): Promise<AuthContext> => {
    kept.lastUsedAt = now;
    await recordTokenUse(db, kept.tokenId);
    return kept.auth;
  };

  return {
    bySessionHash(hash) {
      const now = Date.now();
      const kept = keptSessions.get(hash, now);
      if (kept && kept.expiresAt > now) return kept.auth;
      const mark = keptSessions.mark();
      return findSessionCredential(db, hash).then((found) => {
        if (!found) return null;
        keptSessions.keep(hash, { auth: frozen(found.auth), expiresAt: found.expiresAt.getTime() }, [`user:${found.auth.user.id}`], mark, now);
        return found.auth;
      });
    },
    byTokenHash(hash) {
      const now = Date.now();
      const kept = keptTokens.get(hash, now);
      if (kept) return now - kept.lastUsedAt >= LAST_USED_PRECISION_MS ? recordUse(kept, now) : kept.auth;
      const mark = keptTokens.mark();
      return findTokenCredential(db, hash).then(async (found) => {
        if (!found) return null;
        const token: KeptToken = { auth: frozen(found.auth), tokenId: found.tokenId, lastUsedAt: found.lastUsedAt?.getTime() ?? 0 };
        if (now - token.lastUsedAt >= LAST_USED_PRECISION_MS) await recordUse(token, now);
        keptTokens.keep(hash, token, [`user:${found.auth.user.id}`], mark, now);
        return token.auth;
      });
    },
  };
}
