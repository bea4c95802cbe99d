import type { DbOrTx } from '../../db/client.js';
import { identityKey } from './import-rows.js';
import { findPossibleDuplicates } from './repository.js';

export interface PersonClues {
  fullName: string;
  nameLatin: string | null;
  birthDate: string | null;
  email: string | null;
}

/**
 * The association's people that rows of a sheet stand for, as the people import recognises them:
 * the same e-mail, or the same name (in either script, any word order) and date of birth. Null
 * where a row matches nobody.
 */
export async function matchPeople(db: DbOrTx, associationId: string, rows: PersonClues[]): Promise<Array<string | null>> {
  const emails = [...new Set(rows.map((r) => r.email?.toLowerCase()).filter((e): e is string => !!e))];
  const dates = [...new Set(rows.map((r) => r.birthDate).filter((d): d is string => !!d))];
  const existing = await findPossibleDuplicates(db, associationId, emails, dates);
  const byEmail = new Map<string, string>();
  const byIdentity = new Map<string, string>();
  for (const person of existing) {
    if (person.email) byEmail.set(person.email.toLowerCase(), person.id);
    for (const name of [person.fullName, person.nameLatin]) {
      const key = name ? identityKey(name, person.birthDate) : null;
      if (key && !byIdentity.has(key)) byIdentity.set(key, person.id);
    }
  }
  return rows.map((row) => {
    const email = row.email?.toLowerCase();
    if (email && byEmail.has(email)) return byEmail.get(email)!;
    for (const name of [row.fullName, row.nameLatin]) {
      const key = name ? identityKey(name, row.birthDate) : null;
      if (key && byIdentity.has(key)) return byIdentity.get(key)!;
    }
    return null;
  });
}
