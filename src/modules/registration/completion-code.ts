import crypto from 'node:crypto';
import { TICKET_ALPHABET } from './ticket-code.js';

const GROUPS = 4;
const GROUP = 4;
const LENGTH = GROUPS * GROUP;
/** Bytes at or above this are drawn again, so every symbol is equally likely (256 is not a multiple of 30). */
const FAIR_LIMIT = 256 - (256 % TICKET_ALPHABET.length);

/**
 * The code in a certificate's public verification address: 16 symbols of the ticket alphabet
 * (about 78 bits), so addresses cannot be guessed or walked, yet can be read off a printout.
 * Drawn from one buffer of random bytes: a session's thousands of codes cost next to nothing.
 */
export function newVerificationCode(): string {
  let code = '';
  while (code.length < LENGTH) {
    for (const byte of crypto.randomBytes(LENGTH + 8)) {
      if (byte >= FAIR_LIMIT) continue;
      code += TICKET_ALPHABET[byte % TICKET_ALPHABET.length];
      if (code.length === LENGTH) break;
    }
  }
  return code.match(/.{4}/g)!.join('-');
}

/** The code as stored, from what someone typed: any case, spaces or dashes anywhere. Null when it cannot be one. */
export function normaliseVerificationCode(text: string): string | null {
  const chars = text.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== LENGTH || [...chars].some((c) => !TICKET_ALPHABET.includes(c))) return null;
  return chars.match(/.{4}/g)!.join('-');
}
