import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import type { Messages } from '../../platform/i18n/catalogue.js';
import { fillFreeSeats } from '../registration/fill-free-seats.js';
import { countConfirmed } from '../registration/registrations-repository.js';
import { duplicateSlugError, isDuplicateSlug } from './create-session.js';
import { checkRecordAccess } from './event-access.js';
import { loadSessionDetail, localDays, type SessionDetail } from './get-session.js';
import { checkSessionWhole, cleanSessionInput, daysOf, type SessionInput } from './session-fields.js';
import { checkReferences } from './session-links.js';
import {
  findDays,
  findSessionById,
  hasRegistrations,
  lockSession,
  replaceDays,
  replaceGuests,
  replacePartners,
  replaceTrainers,
  updateSessionRow,
  type DayValues,
} from './sessions-repository.js';
import { zonedToInstant } from './session-times.js';

export interface UpdateSessionOptions {
  actor: AuthContext | null;
  id: string;
  input: Omit<SessionInput, 'associationId'>;
}

export interface SessionServices {
  messages: Messages;
  publicUrl: string;
}

/**
 * Changes some of a session's fields. Lists sent (days, trainers, partners, guests) replace the
 * old ones. A new time zone without new days keeps each day's clock times. Capacity cannot fall
 * below the seats already confirmed; raising it gives the new seats to the waitlist at once.
 */
export async function updateSession(db: Db, services: SessionServices, options: UpdateSessionOptions): Promise<SessionDetail> {
  const current = await findSessionById(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'session' } });
  checkRecordAccess(options.actor, current.associationId, 'write', 'session');
  const { input } = options;
  const problems = new FieldProblems();
  const zone = input.timeZone?.trim() ?? current.timeZone;
  const clean = cleanSessionInput(input, zone, problems);

  let days: DayValues[] | undefined;
  if (input.days && !problems.fields.timeZone) days = daysOf(input.days, zone, problems);
  else if (clean.timeZone && clean.timeZone !== current.timeZone && !problems.fields.timeZone) {
    days = localDays(await findDays(db, current.id), current.timeZone).map((d) => ({
      day: d.day,
      startsAt: zonedToInstant(d.day, d.start, zone) ?? d.startsAt,
      endsAt: zonedToInstant(d.day, d.end, zone) ?? d.endsAt,
    }));
  }
  const { trainers, partners, guests, ...columns } = clean;
  checkSessionWhole({ ...current, ...columns }, problems);
  if (input.courseId !== undefined && input.courseId !== current.courseId && (await hasRegistrations(db, current.id))) {
    problems.add('courseId', 'course_fixed');
  }
  await checkReferences(
    db,
    options.actor,
    current.associationId,
    {
      ...(input.courseId !== undefined && input.courseId !== current.courseId ? { courseId: input.courseId } : {}),
      ...(input.eventId !== undefined ? { eventId: input.eventId } : {}),
      ...(input.projectId !== undefined ? { projectId: input.projectId } : {}),
      ...(trainers ? { trainers } : {}),
      ...(partners ? { partners } : {}),
      ...(guests ? { guests } : {}),
    },
    problems,
  );
  problems.throwIfAny();

  try {
    await db.transaction(async (tx) => {
      const locked = (await lockSession(tx, current.id))!;
      if (columns.capacity !== undefined) {
        const confirmed = await countConfirmed(tx, current.id);
        if (columns.capacity < confirmed) problems.add('capacity', 'capacity_below_confirmed', { count: confirmed });
        problems.throwIfAny();
      }
      await updateSessionRow(tx, current.id, {
        ...columns,
        slug: columns.slug ?? undefined,
        ...(input.courseId !== undefined ? { courseId: input.courseId } : {}),
        ...(input.eventId !== undefined ? { eventId: input.eventId } : {}),
        ...(input.projectId !== undefined ? { projectId: input.projectId } : {}),
      });
      if (days) await replaceDays(tx, current.id, days);
      if (trainers) await replaceTrainers(tx, current.id, trainers);
      if (partners) await replacePartners(tx, current.id, partners);
      if (guests) await replaceGuests(tx, current.id, guests);
      if (columns.capacity !== undefined && columns.capacity > locked.capacity) {
        await fillFreeSeats(tx, { ...services, session: { ...locked, capacity: columns.capacity } });
      }
    });
  } catch (error) {
    if (isDuplicateSlug(error, 'training_sessions_slug')) throw duplicateSlugError();
    throw error;
  }
  return (await loadSessionDetail(db, current.id))!;
}
