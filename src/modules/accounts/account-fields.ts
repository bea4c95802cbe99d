import { MIN_PASSWORD_LENGTH } from '../../platform/auth/passwords.js';
import { AppError, type FieldIssue } from '../../platform/errors.js';
import { isLocale } from '../../platform/i18n/catalogue.js';
import { LOCALES, type Locale } from '../../config.js';

export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_PASSWORD_LENGTH = 200;

/** Deliberately loose: the real test of an address is the mail that reaches it. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewPasswordFields {
  password: string;
  /** Forms ask twice; scripts calling the API send the password once. */
  passwordRepeat?: string;
}

export interface AccountFields extends NewPasswordFields {
  email: string;
  displayName: string;
  locale: string;
}

function passwordIssues(fields: NewPasswordFields, into: Record<string, FieldIssue>): void {
  if (fields.password.length < MIN_PASSWORD_LENGTH) into.password = { key: 'weak_password' };
  else if (fields.password.length > MAX_PASSWORD_LENGTH) into.password = { key: 'too_long', values: { max: MAX_PASSWORD_LENGTH } };
  if (fields.passwordRepeat !== undefined && fields.passwordRepeat !== fields.password) {
    into.passwordRepeat = { key: 'password_mismatch' };
  }
}

function throwIfAny(issues: Record<string, FieldIssue>): void {
  if (Object.keys(issues).length > 0) throw new AppError('validation', { fields: issues });
}

/** Checks a new password (and its repetition); names every problem at once. */
export function checkNewPassword(fields: NewPasswordFields): void {
  const issues: Record<string, FieldIssue> = {};
  passwordIssues(fields, issues);
  throwIfAny(issues);
}

/**
 * Checks the fields of a new account; names every problem at once. Returns the chosen language.
 * An invited account has no password yet: its owner chooses one through the invitation link.
 */
export function checkAccountFields(fields: Omit<AccountFields, 'password'> & { password?: string }): Locale {
  const issues: Record<string, FieldIssue> = {};
  const name = fields.displayName.trim();
  if (!name) issues.displayName = { key: 'required' };
  else if (name.length > MAX_NAME_LENGTH) issues.displayName = { key: 'too_long', values: { max: MAX_NAME_LENGTH } };
  const email = fields.email.trim();
  if (!email) issues.email = { key: 'required' };
  else if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) issues.email = { key: 'email' };
  if (fields.password !== undefined) passwordIssues({ password: fields.password, passwordRepeat: fields.passwordRepeat }, issues);
  if (!isLocale(fields.locale)) issues.locale = { key: 'one_of', values: { values: LOCALES.join(', ') } };
  throwIfAny(issues);
  return fields.locale as Locale;
}
