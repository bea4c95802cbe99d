import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { duplicateSlugError, isDuplicateSlug } from './create-session.js';
import { checkRecordAccess } from './event-access.js';
import { checkEventDates, cleanEventInput, type EventInput } from './event-fields.js';
import { findEventById, updateEventRow } from './events-repository.js';
import { getEventIn, type EventDetail } from './get-event.js';
import { checkReferences } from './session-links.js';

export interface UpdateEventOptions {
  actor: AuthContext | null;
  id: string;
  input: Omit<EventInput, 'associationId'>;
}

export async function updateEvent(db: Db, options: UpdateEventOptions): Promise<EventDetail> {
  const current = await findEventById(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'event' } });
  checkRecordAccess(options.actor, current.associationId, 'write', 'event');
  const problems = new FieldProblems();
  const clean = cleanEventInput(options.input, problems);
  checkEventDates(clean.startsOn ?? current.startsOn, clean.endsOn ?? current.endsOn, problems);
  if (options.input.projectId !== undefined) {
    await checkReferences(db, options.actor, current.associationId, { projectId: options.input.projectId }, problems);
  }
  problems.throwIfAny();
  try {
    await updateEventRow(db, current.id, {
      ...clean,
      slug: clean.slug ?? undefined,
      ...(options.input.projectId !== undefined ? { projectId: options.input.projectId } : {}),
    });
  } catch (error) {
    if (isDuplicateSlug(error, 'events_slug')) throw duplicateSlugError();
    throw error;
  }
  return getEventIn(db, current.id);
}
