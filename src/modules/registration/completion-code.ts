import crypto from 'node:crypto';
import { TICKET_ALPHABET } from './ticket-code.js';

const GROUPS = 4;
const GROUP = 4;

/**
 * The code in a certificate's public verification address: 16 symbols of the ticket alphabet
 * (about 78 bits), so addresses cannot be guessed or walked, yet can be read off a printout.
 */
export function newVerificationCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP; i++) group += TICKET_ALPHABET[crypto.randomInt(TICKET_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** The code as stored, from what someone typed: any case, spaces or dashes anywhere. Null when it cannot be one. */
export function normaliseVerificationCode(text: string): string | null {
  const chars = text.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== GROUPS * GROUP || [...chars].some((c) => !TICKET_ALPHABET.includes(c))) return null;
  return chars.match(/.{4}/g)!.join('-');
}
