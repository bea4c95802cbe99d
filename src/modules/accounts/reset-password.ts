import type { Db } from '../../db/client.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { tokenHash } from '../../platform/auth/secrets.js';
import { AppError } from '../../platform/errors.js';
import { checkNewPassword, type NewPasswordFields } from './account-fields.js';
import { closePasswordResetsOf, consumePasswordReset, deleteSessionsOf, findUserById, updateUserPassword } from './repository.js';
import { signedInAs, type SignInResult } from './sign-in.js';

export interface ResetPasswordOptions extends NewPasswordFields {
  token: string;
  /** Browsers continue signed in; scripts only set the password. */
  signIn?: boolean;
}

/**
 * Sets a new password with a single-use link. Every session of the account ends (whoever knew the
 * old password is signed out), every other link stops working, and optionally a new session starts.
 */
export async function resetPassword(db: Db, options: ResetPasswordOptions): Promise<SignInResult | null> {
  checkNewPassword(options);
  const passwordHash = await hashPassword(options.password);
  return db.transaction(async (tx) => {
    const userId = await consumePasswordReset(tx, tokenHash(options.token));
    if (!userId) throw new AppError('invalid_token');
    await updateUserPassword(tx, userId, passwordHash);
    await deleteSessionsOf(tx, userId);
    await closePasswordResetsOf(tx, userId);
    if (!options.signIn) return null;
    const user = await findUserById(tx, userId);
    return signedInAs(tx, user!);
  });
}
