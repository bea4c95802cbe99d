import type { Db } from '../../db/client.js';
import { checkAccountFields, type AccountFields } from './account-fields.js';
import { createUser } from './create-user.js';
import { signedInAs, type SignInResult } from './sign-in.js';

export type SignUpOptions = AccountFields;

/** An engineer opens an account for themselves and is signed in. */
export async function signUp(db: Db, options: SignUpOptions): Promise<SignInResult> {
  const locale = checkAccountFields(options);
  const user = await createUser(db, {
    email: options.email,
    displayName: options.displayName,
    password: options.password,
    locale,
  });
  return signedInAs(db, user);
}
