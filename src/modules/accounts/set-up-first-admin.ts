import type { Db, DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { checkAccountFields, type AccountFields } from './account-fields.js';
import { createUser } from './create-user.js';
import { countUsers, lockAccountCreation } from './repository.js';
import { signedInAs, type SignInResult } from './sign-in.js';

export type SetUpFirstAdminOptions = AccountFields;

/** First-run setup exists only while there is no account at all; afterwards it is not there. */
export async function assertSetupOpen(db: DbOrTx): Promise<void> {
  if ((await countUsers(db)) > 0) throw new AppError('not_found', { values: { what: 'route' } });
}

/** Creates the platform administrator of a fresh installation and signs them in. */
export async function setUpFirstAdmin(db: Db, options: SetUpFirstAdminOptions): Promise<SignInResult> {
  const locale = checkAccountFields(options);
  return db.transaction(async (tx) => {
    await lockAccountCreation(tx);
    await assertSetupOpen(tx);
    const user = await createUser(tx, {
      email: options.email,
      displayName: options.displayName,
      password: options.password,
      locale,
      isPlatformAdmin: true,
    });
    return signedInAs(tx, user);
  });
}
