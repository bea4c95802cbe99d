import type { Db, DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/passwords.js';
import { AppError } from '../../platform/errors.js';
import { findUserByEmail, membershipsOf, type UserRow } from './repository.js';
import { startSession, type NewSession } from './start-session.js';

export interface SignInOptions {
  email: string;
  password: string;
}

export interface SignInResult extends NewSession {
  auth: AuthContext;
}

export async function signIn(db: Db, options: SignInOptions): Promise<SignInResult> {
  const user = await findUserByEmail(db, options.email.trim());
  const ok = await verifyPassword(options.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || !user.passwordHash || user.disabledAt) throw new AppError('invalid_credentials');
  return signedInAs(db, user);
}

/** Opens a session for an account whose identity is already established (password, reset link, sign-up). */
export async function signedInAs(db: DbOrTx, user: UserRow): Promise<SignInResult> {
  const session = await startSession(db, user.id);
  const { passwordHash: _hash, disabledAt: _disabled, ...authUser } = user;
  return { ...session, auth: { user: authUser, memberships: await membershipsOf(db, user.id), via: 'session' } };
}
