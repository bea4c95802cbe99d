import crypto from 'node:crypto';
import { randomToken, tokenHash } from '../../platform/auth/secrets.js';

/**
 * Digits and capitals that cannot be mistaken for one another when read aloud or typed from a
 * printout: no 0/O, 1/I/L, and no U (read as V). 30 symbols, 8 of them: 6.5 × 10¹¹ codes.
 */
export const TICKET_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;

/** A fresh ticket code, e.g. K7QM-4XPZ. */
export function newTicketCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += TICKET_ALPHABET[crypto.randomInt(TICKET_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * The code as stored, from what someone typed or a scanner read: any case, with spaces or without
 * the dash, or a ticket address ending in the code. Null when it cannot be a ticket code.
 */
export function normaliseTicketCode(text: string): string | null {
  const path = text.trim().split('?')[0]!;
  const chars = (path.split('/').pop() ?? '').toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== LENGTH || [...chars].some((c) => !TICKET_ALPHABET.includes(c))) return null;
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** What the ticket's QR code holds: the code itself, so a scanner at the door needs no network round trip to read it. */
export function ticketQrContent(code: string): string {
  return code;
}

/**
 * The ticket's secret. With an idempotency key it is derived from the key, so a retried request
 * gets the same links back while the database keeps neither the key nor the secret (only hashes);
 * without one it is random.
 */
export function ticketSecret(sessionId: string, idempotencyKey: string | null): string {
  if (!idempotencyKey) return randomToken();
  return crypto.createHash('sha256').update(`usta-ticket\u0000${sessionId}\u0000${idempotencyKey}`).digest('base64url');
}

/** How an idempotency key is stored: hashed, since the ticket secret is derived from it. */
export function idempotencyKeyHash(key: string): string {
  return tokenHash(`usta-idempotency\u0000${key}`);
}

/** Compares a presented secret with the stored hash without leaking timing. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(tokenHash(secret));
  const b = Buffer.from(storedHash);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
