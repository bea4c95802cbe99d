import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/passwords.js';
import { randomToken, tokenHash } from '../../platform/auth/secrets.js';
import { AppError } from '../../platform/errors.js';
import { findUserByEmail, insertSession, membershipsOf } from './repository.js';

export const SESSION_DAYS = 14;

export interface SignInOptions {
  email: string;
  password: string;
}

export interface SignInResult {
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  expiresAt: Date;
  auth: AuthContext;
}

export async function signIn(db: Db, options: SignInOptions): Promise<SignInResult> {
  const user = await findUserByEmail(db, options.email.trim());
  const ok = await verifyPassword(options.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || !user.passwordHash || user.disabledAt) throw new AppError('invalid_credentials');
  const sessionToken = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await insertSession(db, tokenHash(sessionToken), user.id, expiresAt);
  const { passwordHash: _hash, disabledAt: _disabled, ...authUser } = user;
  return { sessionToken, expiresAt, auth: { user: authUser, memberships: await membershipsOf(db, user.id), via: 'session' } };
}
