import type { Locale } from '../../config.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import type { Messages } from '../../platform/i18n/catalogue.js';
import { checkRecordAccess } from '../events/event-access.js';
import { loadSessionFacts, type RevisedSessionFacts, type SessionFacts } from '../events/get-session.js';
import type { SessionRow } from '../events/sessions-repository.js';
import { resolvePerson } from '../people/find-or-create-person.js';
import { getPerson } from '../people/get-person.js';
import type { PendingPerson } from '../people/repository.js';
import type { Gender, Sector } from '../people/tables.js';
import { takeSeat } from './place-registration.js';
import { ticketLinks, type TicketLinks } from './registration-mail.js';
import { registrationState, type RegistrationState } from './registration-window.js';
import { findRegistrationById, isRetryableConflict, waitlistPosition, type RegistrationRow } from './registrations-repository.js';
import type { FeeMode, RegistrationSource } from './tables.js';
import { idempotencyKeyHash, secretMatches, ticketSecret } from './ticket-code.js';

/** What a registrant tells about themselves on the public form. */
export interface RegistrantDetails {
  fullName: string;
  nameLatin?: string | null;
  email: string;
  gender?: Gender | null;
  country?: string | null;
  city?: string | null;
  organisation?: string | null;
  sector?: Sector | null;
  emailConsent?: boolean;
  registryConsent?: boolean;
  /** Agreement that the association keeps these details to run the training: required. */
  privacyConsent?: boolean;
}

export interface RegisterForSessionOptions {
  actor: AuthContext | null;
  sessionId: string;
  /** Staff register an existing person… */
  personId?: string;
  /** …a visitor gives their details (a person is found by e-mail or created). */
  details?: RegistrantDetails;
  /** The language the registrant's mails are written in. */
  locale: Locale;
  /** The same key makes a retried or double-submitted request return the first answer. */
  idempotencyKey?: string | null;
  source: RegistrationSource;
  /** Staff only: how a priced session is paid. */
  feeMode?: FeeMode;
  sponsorProjectId?: string | null;
  now?: Date;
}

export interface RegistrationOutcome {
  registration: RegistrationRow;
  session: SessionFacts;
  /** False when the answer is an earlier registration: a replay of the same request, or the person already registered. */
  created: boolean;
  replayed: boolean;
  alreadyRegistered: boolean;
  /** Place on the waitlist, 1 for the first. */
  position: number | null;
  /** Only for the request that made the registration (and its replays): the ticket's secret and its links. */
  secret: string | null;
  links: TicketLinks | null;
}

export interface RegistrationServices {
  messages: Messages;
  publicUrl: string;
}

const MAX_ATTEMPTS = 4;
/** Each time the session changed under a request it is read again; a session edited this often is busy. */
const MAX_STALE_ATTEMPTS = 10;
export const MAX_IDEMPOTENCY_KEY = 200;

function stateError(state: Exclude<RegistrationState, 'open'>): AppError {
  if (state === 'draft') return new AppError('not_found', { values: { what: 'session' } });
  return new AppError('conflict', { messageKey: `registration.errors.${state}` });
}

function feeOf(session: SessionRow, options: RegisterForSessionOptions, problems: FieldProblems): { feeMode: FeeMode; sponsorProjectId: string | null } {
  if (session.priceAmount === null) return { feeMode: 'free', sponsorProjectId: null };
  const feeMode = options.feeMode ?? 'invoice';
  if (feeMode !== 'sponsored') return { feeMode, sponsorProjectId: null };
  const sponsorProjectId = options.sponsorProjectId ?? session.projectId;
  if (!sponsorProjectId) problems.add('sponsorProjectId', 'sponsor_required');
  return { feeMode, sponsorProjectId };
}

interface Registrant {
  id: string;
  fullName: string;
  email: string | null;
}

async function personFor(db: DbOrTx, options: RegisterForSessionOptions, session: SessionFacts): Promise<{ person: Registrant; pending: PendingPerson | null }> {
  if (options.personId) {
    const person = await getPerson(db, { actor: options.actor, id: options.personId }).catch(() => null);
    if (!person || person.associationId !== session.associationId) {
      throw new AppError('validation', { fields: { personId: { key: 'same_association' } } });
    }
    return { person, pending: null };
  }
  const details = options.details!;
  return resolvePerson(db, {
    associationId: session.associationId,
    input: {
      fullName: details.fullName,
      nameLatin: details.nameLatin ?? null,
      email: details.email,
      gender: details.gender ?? null,
      country: details.country ?? null,
      city: details.city ?? null,
      sector: details.sector ?? null,
      emailConsent: details.emailConsent ?? false,
      registryConsent: details.registryConsent ?? false,
    },
    employerName: details.organisation ?? null,
  });
}

/**
 * Registers a person for a session. Capacity is never exceeded: the seat is decided by one
 * statement that holds the session row's lock while it reads the seat counters and writes the
 * registration, so concurrent requests take turns at that point (and only there). A full session
 * puts the person on the waitlist. The registrant is mailed their ticket (or their waitlist place)
 * by the same statement. For a free session that statement, which also writes a new person, is the
 * whole write and commits on its own, so the lock is held only while the database runs it; a
 * priced session's invoice (or a mail the statement cannot write) puts a transaction around it.
 */
export async function registerForSession(db: Db, services: RegistrationServices, options: RegisterForSessionOptions): Promise<RegistrationOutcome> {
  const now = options.now ?? new Date();
  let facts = recentFacts(db, options.sessionId);
  if (!facts || registrationState(facts, facts.days, now) !== 'open') facts = await freshFacts(db, options.sessionId);
  const byStaff = options.source !== 'public';
  if (byStaff) checkRecordAccess(options.actor, facts.associationId, 'write', 'session');
  else if (facts.status === 'draft') throw new AppError('not_found', { values: { what: 'session' } });

  const problems = new FieldProblems();
  if (!options.personId && !options.details) problems.add('personId', 'required');
  if (!byStaff && options.details && options.details.privacyConsent !== true) problems.add('privacyConsent', 'consent_required');
  if (options.details && !options.details.email.trim()) problems.add('email', 'required');
  if (options.details && !options.details.fullName.trim()) problems.add('fullName', 'required');
  const key = options.idempotencyKey?.trim() || null;
  if (key && key.length > MAX_IDEMPOTENCY_KEY) problems.add('idempotencyKey', 'too_long', { max: MAX_IDEMPOTENCY_KEY });
  problems.throwIfAny();
  const keyHash = key ? idempotencyKeyHash(key) : null;

  let inTransaction = false;
  for (let attempt = 1; ; attempt++) {
    const current = facts;
    const state = registrationState(current, current.days, now);
    if (state !== 'open' && (state === 'cancelled' || !byStaff)) throw stateError(state);
    const feeProblems = new FieldProblems();
    const fee = feeOf(current, options, feeProblems);
    const register = async (dbx: DbOrTx, alone: boolean): Promise<RegistrationOutcome | { retry: 'stale' | 'unmailed' }> => {
      const { person, pending } = await personFor(dbx, options, current);
      const placed = await takeSeat(dbx, {
        ...services,
        facts: current,
        person,
        pending,
        alone,
        idempotencyKey: key,
        idempotencyKeyHash: keyHash,
        locale: options.locale,
        source: options.source,
        fee,
      });
      if ('retry' in placed) return placed;
      if ('existingId' in placed) {
        const existing = (await findRegistrationById(dbx, placed.existingId))!;
        const replayed = keyHash !== null && existing.idempotencyKey === keyHash;
        // A promotion since the first answer drew a new secret: the old links are gone, the mail has the new ones.
        const derived = replayed ? ticketSecret(current.id, key) : null;
        const secret = derived && secretMatches(derived, existing.cancelTokenHash) ? derived : null;
        return {
          registration: existing,
          session: current,
          created: false,
          replayed,
          alreadyRegistered: !replayed,
          position: await waitlistPosition(dbx, existing),
          secret,
          links: secret ? ticketLinks(services.publicUrl, existing.ticketCode, secret) : null,
        };
      }
      // Checked after the lookup: a request answered by an earlier registration needs no fee. A refusal rolls the new one back.
      feeProblems.throwIfAny();
      const { registration, position, secret, links } = placed;
      return { registration, session: current, created: true, replayed: false, alreadyRegistered: false, position, secret, links };
    };
    try {
      const outcome =
        inTransaction || current.priceAmount !== null
          ? await db.transaction((tx) => register(tx, false))
          : await register(db, true);
      if (!('retry' in outcome)) return outcome;
      if (attempt >= MAX_STALE_ATTEMPTS) throw new AppError('conflict');
      if (outcome.retry === 'unmailed') inTransaction = true;
      else facts = await freshFacts(db, options.sessionId);
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isRetryableConflict(error)) continue;
      throw error;
    }
  }
}

/**
 * Sessions' facts as lately read, so that a burst of registrations for one session reads them once
 * every few seconds rather than once each. They are only trusted while they say registration is
 * open (anything else is read again before the visitor is told), and the seat statement writes
 * nothing if the session row changed since they were read, after which they are read again: what
 * may lag by those few seconds is only the course's own wording in the mail.
 */
type FactsCache = Map<string, { facts: RevisedSessionFacts; until: number }>;
const factsCache = new WeakMap<Db, FactsCache>();
const FACTS_FOR_MS = 2000;

function recentFacts(db: Db, sessionId: string): RevisedSessionFacts | null {
  const entry = factsCache.get(db)?.get(sessionId);
  return entry && entry.until > Date.now() ? entry.facts : null;
}

async function freshFacts(db: Db, sessionId: string): Promise<RevisedSessionFacts> {
  const facts = await loadSessionFacts(db, sessionId);
  let cache = factsCache.get(db);
  if (!cache) factsCache.set(db, (cache = new Map() as FactsCache));
  if (!facts) {
    cache.delete(sessionId);
    throw new AppError('not_found', { values: { what: 'session' } });
  }
  if (cache.size >= 1000) cache.clear();
  cache.set(sessionId, { facts, until: Date.now() + FACTS_FOR_MS });
  return facts;
}
