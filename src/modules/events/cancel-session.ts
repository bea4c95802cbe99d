import type { Db, Tx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { cleanText } from '../../platform/field-problems.js';
import type { Messages } from '../../platform/i18n/catalogue.js';
import { notifySessionCancelled } from '../registration/notify-session-cancelled.js';
import { checkRecordAccess } from './event-access.js';
import { loadSessionDetail, loadSessionFacts, type SessionDetail } from './get-session.js';
import { SESSION_LIMITS } from './session-fields.js';
import { findSessionById, lockSession, updateSessionRow } from './sessions-repository.js';

export interface CancelSessionOptions {
  actor: AuthContext | null;
  id: string;
  reason: string;
}

export function cleanReason(raw: string): string {
  const reason = cleanText(raw) ?? '';
  if (!reason) throw new AppError('validation', { fields: { reason: { key: 'required' } } });
  if (reason.length > SESSION_LIMITS.reason) {
    throw new AppError('validation', { fields: { reason: { key: 'too_long', values: { max: SESSION_LIMITS.reason } } } });
  }
  return reason;
}

/**
 * Cancels a session in the caller's transaction: kept with its reason and its registrations (nothing
 * is deleted), and every registrant is mailed. Cancelling a cancelled session changes nothing.
 */
export async function cancelSessionIn(tx: Tx, messages: Messages, id: string, reason: string): Promise<boolean> {
  const session = (await lockSession(tx, id))!;
  if (session.status === 'cancelled') return false;
  await updateSessionRow(tx, id, { status: 'cancelled', cancelledReason: reason });
  await notifySessionCancelled(tx, messages, (await loadSessionFacts(tx, id))!, reason);
  return true;
}

export async function cancelSession(db: Db, messages: Messages, options: CancelSessionOptions): Promise<SessionDetail> {
  const current = await findSessionById(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'session' } });
  checkRecordAccess(options.actor, current.associationId, 'write', 'session');
  const reason = cleanReason(options.reason);
  await db.transaction((tx) => cancelSessionIn(tx, messages, current.id, reason));
  return (await loadSessionDetail(db, current.id))!;
}
