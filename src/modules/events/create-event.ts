import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { duplicateSlugError, isDuplicateSlug } from './create-session.js';
import { checkAssociationAccess } from './event-access.js';
import { checkEventDates, cleanEventInput, type EventInput } from './event-fields.js';
import { eventSlugsLike, insertEvent } from './events-repository.js';
import { getEventIn, type EventDetail } from './get-event.js';
import { checkReferences } from './session-links.js';
import { firstFreeSlug, slugPart } from './slugs.js';
import { pickTranslation } from '../../platform/i18n/translated.js';

export interface CreateEventOptions {
  actor: AuthContext | null;
  input: EventInput & { associationId: string; title: EventInput['title'] & object; startsOn: string; endsOn: string; timeZone: string };
}

/** A new event (a training week, a forum…), in draft until published. */
export async function createEvent(db: Db, options: CreateEventOptions): Promise<EventDetail> {
  const { input } = options;
  const { associationId } = input;
  checkAssociationAccess(options.actor, associationId, 'write');
  const problems = new FieldProblems();
  const clean = cleanEventInput(input, problems);
  checkEventDates(clean.startsOn!, clean.endsOn!, problems);
  await checkReferences(db, options.actor, associationId, { projectId: input.projectId ?? null }, problems);
  problems.throwIfAny();
  try {
    const id = await db.transaction(async (tx) => {
      const base = [slugPart(pickTranslation(clean.title, 'en'), 60), clean.startsOn!.slice(0, 4)].filter(Boolean).join('-');
      const slug = clean.slug ?? firstFreeSlug(base, await eventSlugsLike(tx, associationId, base));
      return insertEvent(tx, {
        associationId,
        projectId: input.projectId ?? null,
        slug,
        kind: clean.kind ?? 'training_week',
        title: clean.title!,
        description: clean.description ?? {},
        city: clean.city ?? null,
        country: clean.country ?? null,
        startsOn: clean.startsOn!,
        endsOn: clean.endsOn!,
        timeZone: clean.timeZone!,
      });
    });
    return getEventIn(db, id);
  } catch (error) {
    if (isDuplicateSlug(error, 'events_slug')) throw duplicateSlugError();
    throw error;
  }
}
