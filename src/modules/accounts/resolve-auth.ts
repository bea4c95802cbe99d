import type { Db } from '../../db/client.js';
import type { AuthResolvers } from '../../platform/auth/plugin.js';
import { authBySessionHash, authByTokenHash } from './repository.js';

export function authResolvers(db: Db): AuthResolvers {
  return {
    bySessionHash: (hash) => authBySessionHash(db, hash),
    byTokenHash: (hash) => authByTokenHash(db, hash),
  };
}
