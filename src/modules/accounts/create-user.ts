import type { DbOrTx } from '../../db/client.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../platform/auth/passwords.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { findUserByEmail, insertUser, type UserRow } from './repository.js';

export interface CreateUserOptions {
  email: string;
  displayName: string;
  password: string | null;
  locale?: string;
  isPlatformAdmin?: boolean;
  personId?: string | null;
}

export async function createUser(db: DbOrTx, options: CreateUserOptions): Promise<UserRow> {
  const email = options.email.trim();
  if (options.password !== null && options.password.length < MIN_PASSWORD_LENGTH) {
    throw fieldError('password', 'weak_password');
  }
  if (await findUserByEmail(db, email)) {
    throw new AppError('duplicate', { values: { field: 'email' }, fields: { email: { key: 'taken' } } });
  }
  return insertUser(db, {
    email,
    displayName: options.displayName.trim(),
    passwordHash: options.password === null ? null : await hashPassword(options.password),
    locale: options.locale ?? 'en',
    isPlatformAdmin: options.isPlatformAdmin ?? false,
    personId: options.personId ?? null,
  });
}
