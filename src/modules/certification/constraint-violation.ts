/** The unique rule a failed write broke (read from the PostgreSQL error, wrapped or not by the driver), or null. */
export function violatedUniqueRule(error: unknown): string | null {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pgError = e as { code?: string; constraint?: string };
    if (pgError.code === '23505') return pgError.constraint ?? '';
  }
  return null;
}

/** True when the error is a foreign-key violation: a row is still referred to. */
export function isStillReferenced(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23503') return true;
  }
  return false;
}
