/** What a failed write means, read from the PostgreSQL error (wrapped or not by the driver). */

/** True when the error is the unique rule on a live person's e-mail. */
export function isDuplicateEmailError(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pgError = e as { code?: string; constraint?: string };
    if (pgError.code === '23505' && pgError.constraint === 'people_email_unique') return true;
  }
  return false;
}

/** True when the error is any unique-rule violation (e.g. a reference that cannot move on a merge). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}
