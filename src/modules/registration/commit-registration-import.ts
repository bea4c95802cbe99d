import type { Locale } from '../../config.js';
import type { Db } from '../../db/client.js';
import { hasRole, requireAuth, STAFF_ROLES, type AuthContext } from '../../platform/auth/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { isLocale } from '../../platform/i18n/catalogue.js';
import { findJob, transitionJob } from '../../platform/jobs/repository.js';
import { findAssociation } from '../associations/repository.js';
import { loadSessionFacts } from '../events/get-session.js';
import { lockSession, seatCounts } from '../events/sessions-repository.js';
import { findOrCreatePerson } from '../people/find-or-create-person.js';
import { getPerson } from '../people/get-person.js';
import { placeRegistration } from './place-registration.js';
import { REGISTRATION_IMPORT, type RegistrationImportInput } from './preview-registration-import.js';
import type { RegistrationServices } from './register-for-session.js';
import { liveRegisteredPeople } from './registrations-repository.js';
import type { FeeMode } from './tables.js';

export interface CommitRegistrationImportOptions {
  actor: AuthContext | null;
  sessionId: string;
  jobId: string;
  /** all: every row or none, refused while a row has a problem; valid: the rows without problems. */
  mode: 'all' | 'valid';
  /** How a priced session is paid by these registrants (default: invoice). */
  feeMode?: FeeMode;
  sponsorProjectId?: string | null;
}

export interface RegistrationImportResult {
  confirmed: number;
  waitlisted: number;
  /** Rows not written: those with problems, and people who registered between preview and commit. */
  skipped: number;
  /** New people written to the register. */
  newPeople: number;
}

/**
 * Writes a previewed participant list in one transaction under the session lock: people are linked
 * or created, each gets a seat while seats last and a waitlist place after, and a mail with their
 * ticket in the association's language. Nothing is written if anything fails.
 */
export async function commitRegistrationImport(db: Db, services: RegistrationServices, options: CommitRegistrationImportOptions): Promise<RegistrationImportResult> {
  const auth = requireAuth(options.actor);
  const job = await findJob(db, options.jobId);
  const input = job?.input as RegistrationImportInput | undefined;
  if (!job || job.kind !== REGISTRATION_IMPORT || !job.associationId || input?.sessionId !== options.sessionId || !hasRole(auth, job.associationId, STAFF_ROLES)) {
    throw new AppError('not_found', { values: { what: 'job' } });
  }
  if (job.status !== 'preview') throw new AppError('conflict');
  if (options.mode === 'all' && input.invalid > 0) throw fieldError('mode', 'import_has_errors', { count: input.invalid });
  const facts = (await loadSessionFacts(db, input.sessionId))!;
  // Mails go out in the language of instruction when it is an interface language, else the association's.
  const association = await findAssociation(db, facts.associationId);
  const locale: Locale = isLocale(facts.language) ? facts.language : isLocale(association?.defaultLocale) ? association.defaultLocale : 'en';

  return db.transaction(async (tx) => {
    if (!(await transitionJob(tx, job.id, ['preview'], 'running'))) throw new AppError('conflict');
    const session = (await lockSession(tx, input.sessionId))!;
    if (session.status === 'cancelled') throw new AppError('conflict', { messageKey: 'registration.errors.cancelled' });
    const fee =
      session.priceAmount === null
        ? { feeMode: 'free' as const, sponsorProjectId: null }
        : options.feeMode === 'sponsored'
          ? { feeMode: 'sponsored' as const, sponsorProjectId: options.sponsorProjectId ?? session.projectId }
          : { feeMode: options.feeMode ?? ('invoice' as const), sponsorProjectId: null };
    if (fee.feeMode === 'sponsored' && !fee.sponsorProjectId) throw fieldError('sponsorProjectId', 'sponsor_required');

    const rows = input.rows.filter((r) => r.values !== null && r.problems.length === 0);
    const taken = await liveRegisteredPeople(tx, session.id, rows.map((r) => r.personId).filter((p): p is string => p !== null));
    const counts = (await seatCounts(tx, [session.id])).get(session.id)!;
    let { confirmed, waitlisted } = counts;
    const result: RegistrationImportResult = { confirmed: 0, waitlisted: 0, skipped: input.rows.length - rows.length, newPeople: 0 };
    for (const row of rows) {
      const v = row.values!;
      let person: { id: string; fullName: string; email: string | null };
      if (row.personId) {
        person = await getPerson(tx, { actor: auth, id: row.personId });
      } else {
        const { employer, ...details } = v;
        const found = await findOrCreatePerson(tx, { associationId: session.associationId, input: details, employerName: employer });
        person = found.person;
        if (found.created) result.newPeople++;
      }
      if (taken.has(person.id)) {
        result.skipped++;
        continue;
      }
      taken.add(person.id);
      const placed = await placeRegistration(tx, {
        ...services,
        session,
        facts,
        confirmed,
        waitlisted,
        person,
        idempotencyKey: null,
        idempotencyKeyHash: null,
        locale,
        source: 'import',
        fee,
      });
      if (placed.registration.status === 'confirmed') {
        confirmed++;
        result.confirmed++;
      } else {
        waitlisted++;
        result.waitlisted++;
      }
    }
    await transitionJob(tx, job.id, ['running'], 'done', { result: { created: result.confirmed + result.waitlisted, skipped: result.skipped }, processed: rows.length });
    return result;
  });
}
