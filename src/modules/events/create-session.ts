import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { checkAssociationAccess } from './event-access.js';
import { loadSessionDetail, type SessionDetail } from './get-session.js';
import { checkSessionWhole, cleanSessionInput, daysOf, type DayInput, type SessionInput } from './session-fields.js';
import { courseOf, checkReferences } from './session-links.js';
import { insertSession, replaceDays, replaceGuests, replacePartners, replaceTrainers, sessionSlugsLike } from './sessions-repository.js';
import { firstFreeSlug, slugPart } from './slugs.js';

export interface CreateSessionOptions {
  actor: AuthContext | null;
  input: SessionInput & { associationId: string; courseId: string; timeZone: string; language: string; capacity: number; days: DayInput[] };
}

export function duplicateSlugError(): AppError {
  return new AppError('duplicate', { values: { field: 'slug' }, fields: { slug: { key: 'taken' } } });
}

export function isDuplicateSlug(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === constraint) return true;
  }
  return false;
}

/** A new session, in draft until published. */
export async function createSession(db: Db, options: CreateSessionOptions): Promise<SessionDetail> {
  const { input } = options;
  const { associationId } = input;
  checkAssociationAccess(options.actor, associationId, 'write');
  const problems = new FieldProblems();
  const clean = cleanSessionInput(input, input.timeZone.trim(), problems);
  const days = problems.fields.timeZone ? [] : daysOf(input.days, clean.timeZone!, problems);
  const format = clean.format ?? 'in_person';
  const session = {
    city: clean.city ?? null,
    country: clean.country ?? null,
    venue: clean.venue ?? null,
    timeZone: clean.timeZone!,
    format,
    onlineUrl: clean.onlineUrl ?? null,
    language: clean.language!,
    capacity: clean.capacity!,
    registrationOpensAt: clean.registrationOpensAt ?? null,
    registrationClosesAt: clean.registrationClosesAt ?? null,
    priceAmount: clean.priceAmount ?? null,
    priceCurrency: clean.priceCurrency ?? null,
    minAttendancePercent: clean.minAttendancePercent ?? 80,
    requiresFinalTest: clean.requiresFinalTest ?? false,
    minTestScore: clean.minTestScore ?? null,
  };
  checkSessionWhole(session, problems);
  await checkReferences(
    db,
    options.actor,
    associationId,
    { courseId: input.courseId, eventId: input.eventId ?? null, projectId: input.projectId ?? null, trainers: clean.trainers, partners: clean.partners, guests: clean.guests },
    problems,
  );
  problems.throwIfAny();

  const course = await courseOf(db, input.courseId);
  try {
    const id = await db.transaction(async (tx) => {
      const base = [slugPart(course.slug, 60), slugPart(session.city ?? '', 30), days[0]!.day].filter(Boolean).join('-');
      const slug = clean.slug ?? firstFreeSlug(base, await sessionSlugsLike(tx, associationId, base));
      const sessionId = await insertSession(tx, {
        ...session,
        associationId,
        courseId: input.courseId,
        eventId: input.eventId ?? null,
        projectId: input.projectId ?? null,
        slug,
      });
      await replaceDays(tx, sessionId, days);
      await replaceTrainers(tx, sessionId, clean.trainers ?? []);
      await replacePartners(tx, sessionId, clean.partners ?? []);
      await replaceGuests(tx, sessionId, clean.guests ?? []);
      return sessionId;
    });
    return (await loadSessionDetail(db, id))!;
  } catch (error) {
    if (isDuplicateSlug(error, 'training_sessions_slug')) throw duplicateSlugError();
    throw error;
  }
}
