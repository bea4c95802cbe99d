import type { DbOrTx } from '../../db/client.js';
import { linkUserPerson } from './repository.js';

export interface LinkUserPersonOptions {
  userId: string;
  personId: string;
}

/**
 * Records that an account is this person of the register (e.g. an engineer who applies for a
 * certificate before staff linked them). An account already linked keeps its person; returns
 * whether the link was made. The caller supplies the transaction and has checked the person.
 */
export async function linkUserToPerson(db: DbOrTx, options: LinkUserPersonOptions): Promise<boolean> {
  return linkUserPerson(db, options.userId, options.personId);
}
