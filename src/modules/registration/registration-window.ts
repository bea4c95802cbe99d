import type { SessionRow } from '../events/sessions-repository.js';

export type RegistrationState = 'open' | 'not_yet_open' | 'closed' | 'cancelled' | 'draft';

/**
 * Whether the public may register now: a published session, after the window opens (if it has an
 * opening) and before it closes — by default, when the first day starts.
 */
export function registrationState(
  session: Pick<SessionRow, 'status' | 'registrationOpensAt' | 'registrationClosesAt'>,
  days: Array<{ startsAt: Date }>,
  now: Date,
): RegistrationState {
  if (session.status === 'cancelled') return 'cancelled';
  if (session.status === 'draft') return 'draft';
  if (session.registrationOpensAt && now < session.registrationOpensAt) return 'not_yet_open';
  const closes = session.registrationClosesAt ?? days[0]?.startsAt ?? null;
  if (closes && now >= closes) return 'closed';
  return 'open';
}

/** The moment registration closes, for pages that say so. */
export function registrationClosesAt(session: Pick<SessionRow, 'registrationClosesAt'>, days: Array<{ startsAt: Date }>): Date | null {
  return session.registrationClosesAt ?? days[0]?.startsAt ?? null;
}
