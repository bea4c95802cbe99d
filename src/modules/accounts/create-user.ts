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

const duplicateEmail = () => new AppError('duplicate', { values: { field: 'email' }, fields: { email: { key: 'taken' } } });

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export async function createUser(db: DbOrTx, options: CreateUserOptions): Promise<UserRow> {
  const email = options.email.trim();
  if (options.password !== null && options.password.length < MIN_PASSWORD_LENGTH) {
    throw fieldError('password', 'weak_password');
  }
  if (await findUserByEmail(db, email)) throw duplicateEmail();
  const passwordHash = options.password === null ? null : await hashPassword(options.password);
  try {
    return await insertUser(db, {
      email,
      displayName: options.displayName.trim(),
      passwordHash,
      locale: options.locale ?? 'en',
      isPlatformAdmin: options.isPlatformAdmin ?? false,
      personId: options.personId ?? null,
    });
  } catch (error) {
    // Two sign-ups with one address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw duplicateEmail();
    throw error;
  }
}
