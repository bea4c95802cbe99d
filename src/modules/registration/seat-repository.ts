import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';
import { trainingSessions } from '../events/tables.js';
import { pendingPersonWrites, type PendingPerson } from '../people/repository.js';
import { outbox } from '../../platform/mail/tables.js';
import { registrations, type RegistrationStatus } from './tables.js';
import type { NewRegistration, RegistrationRow } from './registrations-repository.js';

/** Stands for the waitlist place in a mail written before the place is known; the statement fills it in. */
export const POSITION_MARKER = '\u2060{position}\u2060';
/** Up to here a place is written with plain digits in every interface language; beyond, digits are grouped. */
const PLAIN_POSITIONS = 1000;

/** A mail to queue with the registration, written out for either answer. */
export interface SeatMails {
  to: string;
  locale: string;
  associationId: string;
  confirmed: { template: string; subject: string; textBody: string; dedupeKey: string };
  /** Its text holds POSITION_MARKER where the waitlist place goes; null: the caller queues it. */
  waitlisted: { template: string; subject: string; textBody: string; dedupeKey: string } | null;
}

export type SeatDecision =
  /** The registration this request or this person already has: nothing was written. */
  | { kind: 'existing'; existingId: string }
  /** The new one, confirmed while seats were left, else waitlisted at `position` (1 for the first); `mailed` when its mail went with it. */
  | { kind: 'placed'; registration: RegistrationRow; position: number | null; mailed: boolean }
  /** The session row changed since the caller read it (or is gone): nothing was written. */
  | { kind: 'stale' }
  /** Its mail could not be written by the statement, which was told to write nothing then. */
  | { kind: 'unmailed' };

export interface DecideSeatOptions {
  /** The session row's revision the caller's facts were read at: a row changed since is not written to. */
  revision: string;
  mails: SeatMails | null;
  /** Write nothing unless the mail goes in the same statement (a statement that commits on its own). */
  mailRequired: boolean;
  /** A person to write if, and only if, the registration is written. */
  newPerson: PendingPerson | null;
}

/**
 * Decides and writes a registration in one statement. It locks the session row, so concurrent
 * decisions take turns; the seats taken and the waitlist's length are read from the row's counters
 * as they are once the lock is held (kept by a trigger on registrations). It looks for the
 * registration this request (same idempotency key) or this person already has, and only if there
 * is none inserts the new one — a seat while fewer than `capacity` are confirmed, else the next
 * waitlist place — with its mail. Run on its own, it commits as it ends: the lock is held for no
 * longer than the statement takes. A twin racing on the same key or person is caught by the unique
 * rules (isRetryableConflict) and the retry finds the first one's registration.
 */
export async function decideSeat(db: DbOrTx, values: NewRegistration & { id: string }, options: DecideSeatOptions): Promise<SeatDecision> {
  const { mails } = options;
  const mine = values.idempotencyKey
    ? sql`(r.idempotency_key = ${values.idempotencyKey} or (r.person_id = ${values.personId} and r.status <> 'cancelled'))`
    : sql`(r.person_id = ${values.personId} and r.status <> 'cancelled')`;
  const order = values.idempotencyKey ? sql`(r.idempotency_key = ${values.idempotencyKey}) desc nulls last, r.created_at` : sql`r.created_at`;
  const waitlisted = mails?.waitlisted ?? null;
  // Whether the statement itself writes the mail of decision d.
  const mailable = mails ? sql`(d.status = 'confirmed' or (${waitlisted !== null} and d.position < ${PLAIN_POSITIONS}))` : sql`false`;
  const mail = mails
    ? sql`, mailed as (
        insert into ${outbox} (to_address, locale, template, subject, text_body, dedupe_key, association_id)
        select ${mails.to}, ${mails.locale},
          case when p.status = 'confirmed' then ${mails.confirmed.template} else ${waitlisted?.template ?? null} end,
          case when p.status = 'confirmed' then ${mails.confirmed.subject} else ${waitlisted?.subject ?? null} end,
          case when p.status = 'confirmed' then ${mails.confirmed.textBody}
               else replace(${waitlisted?.textBody ?? null}, ${POSITION_MARKER}, d.position::text) end,
          case when p.status = 'confirmed' then ${mails.confirmed.dedupeKey} else ${waitlisted?.dedupeKey ?? null} end,
          ${mails.associationId}::uuid
        from placed p, decided d
        where ${mailable}
        on conflict (dedupe_key) do nothing
        returning 1)`
    : sql``;
  const alongside = options.newPerson ? sql`, ${pendingPersonWrites(options.newPerson, sql`exists (select 1 from placed)`)}` : sql``;
  const rows = await executePrepared<{
    existingId: string | null;
    locked: number;
    status: RegistrationStatus | null;
    createdAt: Date | string | null;
    confirmedAt: Date | string | null;
    waitlistedAt: Date | string | null;
    position: number | null;
    mailed: number;
  }>(
    db,
    sql`
    with seats as (
      select s.capacity, s.confirmed_count, s.waitlisted_count from ${trainingSessions} s
      where s.id = ${values.sessionId}::uuid and s.updated_at = ${options.revision}::timestamptz
      for update),
    existing as (select r.id from ${registrations} r where r.session_id = ${values.sessionId}::uuid and ${mine} order by ${order} limit 1),
    decided as (
      select case when s.confirmed_count < s.capacity then 'confirmed' else 'waitlisted' end as status, s.waitlisted_count + 1 as position
      from seats s where not exists (select 1 from existing)),
    writable as (select d.status, d.position from decided d where ${options.mailRequired ? mailable : sql`true`}),
    placed as (
      insert into ${registrations} (id, association_id, session_id, person_id, status, ticket_code, cancel_token_hash, idempotency_key,
        locale, source, fee_mode, sponsor_project_id, confirmed_at, waitlisted_at)
      select ${values.id}::uuid, ${values.associationId}::uuid, ${values.sessionId}::uuid, ${values.personId}::uuid, d.status, ${values.ticketCode},
        ${values.cancelTokenHash}, ${values.idempotencyKey}, ${values.locale}, ${values.source}, ${values.feeMode}, ${values.sponsorProjectId}::uuid,
        case when d.status = 'confirmed' then clock_timestamp() end, case when d.status = 'waitlisted' then clock_timestamp() end
      from writable d
      returning id, status, created_at, confirmed_at, waitlisted_at)${mail}${alongside}
    select (select id from existing) as "existingId", (select count(*) from seats)::int as locked, p.status, p.created_at as "createdAt",
      p.confirmed_at as "confirmedAt", p.waitlisted_at as "waitlistedAt", d.position, ${mails ? sql`(select count(*) from mailed)::int` : sql`0`} as mailed
    from (select 1) as one left join decided d on true left join placed p on true`,
  );
  const row = rows[0]!;
  if (row.existingId) return { kind: 'existing', existingId: row.existingId };
  if (!row.locked) return { kind: 'stale' };
  if (!row.status) return { kind: 'unmailed' };
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    kind: 'placed',
    registration: {
      ...values,
      status: row.status,
      createdAt: date(row.createdAt)!,
      confirmedAt: date(row.confirmedAt),
      waitlistedAt: date(row.waitlistedAt),
      cancelledAt: null,
      cancelledReason: null,
    },
    position: row.status === 'waitlisted' ? Number(row.position) : null,
    mailed: Number(row.mailed) > 0,
  };
}
