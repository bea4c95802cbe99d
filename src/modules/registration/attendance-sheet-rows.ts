import { nameSkeleton } from '../people/name-skeleton.js';
import type { Cell } from '../people/read-sheet.js';
import type { AttendeeRow } from './attendance-repository.js';
import type { IdentityField, Mark, SheetVocabulary } from './attendance-sheet-columns.js';
import { normaliseTicketCode } from './ticket-code.js';

/** Which column holds what: the identity columns found, and one column per session day. */
export interface SheetLayout {
  identity: Array<{ index: number; field: IdentityField; header: string }>;
  days: Array<{ index: number; header: string; dayId: string; day: string }>;
}

/** A problem with one cell: the header as written in the file, and a catalogue key with its values. */
export interface SheetProblem {
  column: string;
  key: string;
  values?: Record<string, string | number>;
}

export interface CheckedRow {
  row: number;
  registrationId: string | null;
  /** One per day column, in the layout's order. */
  marks: Mark[];
  problems: SheetProblem[];
}

const text = (cell: Cell | undefined): string => (cell instanceof Date ? cell.toISOString().slice(0, 10) : (cell ?? '')).trim();

/** The same name in any script and word order ("Nurlanova Aigerim" is "Айгерим Нурланова"). */
const nameKey = (name: string) => nameSkeleton(name).split(' ').sort().join(' ');

/** A confirmed registration wins over a waitlisted one, and both over a cancelled one of the same person. */
const RANK: Record<string, number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };
const better = (a: AttendeeRow | undefined, b: AttendeeRow) => !a || RANK[b.status]! < RANK[a.status]!;

/**
 * The registrants of a session, found by ticket code, e-mail or name. The e-mail and name lookups
 * are built on first use: a sheet of ticket codes never pays for folding 50,000 names.
 */
export class AttendeeIndex {
  private readonly tickets = new Map<string, AttendeeRow>();
  private emails: Map<string, AttendeeRow> | null = null;
  private names: Map<string, AttendeeRow[]> | null = null;

  constructor(private readonly attendees: AttendeeRow[]) {
    for (const a of attendees) this.tickets.set(a.ticketCode, a);
  }

  byTicket(code: string): AttendeeRow | undefined {
    return this.tickets.get(code);
  }

  byEmail(email: string): AttendeeRow | undefined {
    if (!this.emails) {
      this.emails = new Map();
      for (const a of this.attendees) {
        const key = a.email?.toLowerCase();
        if (key && better(this.emails.get(key), a)) this.emails.set(key, a);
      }
    }
    return this.emails.get(email.toLowerCase());
  }

  byName(name: string): AttendeeRow[] {
    if (!this.names) {
      this.names = new Map();
      for (const a of this.attendees) {
        for (const key of new Set([nameKey(a.fullName), a.nameLatin ? nameKey(a.nameLatin) : ''])) {
          if (!key) continue;
          const list: AttendeeRow[] = this.names.get(key) ?? [];
          const same = list.findIndex((other) => other.personId === a.personId);
          if (same < 0) list.push(a);
          else if (better(list[same], a)) list[same] = a;
          this.names.set(key, list);
        }
      }
    }
    return this.names.get(nameKey(name)) ?? [];
  }
}

const ORDER: Record<IdentityField, number> = { ticketCode: 0, email: 1, fullName: 2 };

/** Finds the row's registrant from the most trusted identity the row gives; a wrong one is a problem, never a fallback. */
function identify(cells: Cell[], layout: SheetLayout, index: AttendeeIndex, problems: SheetProblem[]): AttendeeRow | null {
  const given = layout.identity.map((c) => ({ ...c, value: text(cells[c.index]) })).filter((c) => c.value !== '');
  given.sort((a, b) => ORDER[a.field] - ORDER[b.field]);
  const best = given[0];
  if (!best) {
    problems.push({ column: layout.identity[0]!.header, key: 'registration.attendance.sheet.no_identity' });
    return null;
  }
  const problem = (key: string, values?: SheetProblem['values']) => {
    problems.push({ column: best.header, key: `registration.attendance.sheet.${key}`, ...(values ? { values } : {}) });
    return null;
  };
  let found: AttendeeRow | undefined;
  switch (best.field) {
    case 'ticketCode': {
      const code = normaliseTicketCode(best.value);
      if (!code) return problem('not_a_ticket', { value: best.value });
      found = index.byTicket(code);
      if (!found) return problem('unknown_ticket', { code });
      break;
    }
    case 'email':
      found = index.byEmail(best.value);
      if (!found) return problem('unknown_email', { email: best.value });
      break;
    case 'fullName': {
      const matches = index.byName(best.value);
      if (matches.length === 0) return problem('unknown_name', { name: best.value });
      if (matches.length > 1) return problem('ambiguous_name', { count: matches.length });
      found = matches[0]!;
      break;
    }
  }
  if (found.status === 'waitlisted') return problem('waitlisted', { name: found.fullName });
  if (found.status === 'cancelled') return problem('cancelled', { name: found.fullName });
  return found;
}

/**
 * Reads one row: who it is about and the mark under each day. Every problem names its column; a
 * registrant named on two rows is a problem on the second (`seen` remembers the first).
 */
export function checkRow(
  row: number,
  cells: Cell[],
  layout: SheetLayout,
  index: AttendeeIndex,
  vocabulary: SheetVocabulary,
  seen: Map<string, number>,
): CheckedRow {
  const problems: SheetProblem[] = [];
  const attendee = identify(cells, layout, index, problems);
  const marks = layout.days.map((d) => {
    const mark = vocabulary.mark(cells[d.index] ?? null);
    if (mark === undefined) {
      problems.push({ column: d.header, key: 'registration.attendance.sheet.mark', values: { value: text(cells[d.index]) } });
      return null;
    }
    return mark;
  });
  if (attendee) {
    const first = seen.get(attendee.registrationId);
    if (first !== undefined) {
      const column = layout.identity.find((c) => text(cells[c.index]) !== '')!.header;
      problems.push({ column, key: 'registration.attendance.sheet.duplicate', values: { row: first } });
    } else if (problems.length === 0) {
      seen.set(attendee.registrationId, row);
    }
  }
  return { row, registrationId: problems.length === 0 ? attendee!.registrationId : null, marks, problems };
}
