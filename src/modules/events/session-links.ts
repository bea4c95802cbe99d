import type { Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import type { FieldProblems } from '../../platform/field-problems.js';
import { getCourseSummary, type CourseSummary } from '../catalogue/get-course.js';
import { getOrganisation } from '../people/get-organisation.js';
import { getPerson } from '../people/get-person.js';
import { findEventById } from './events-repository.js';
import { getProject } from './get-project.js';
import { getProjectAcknowledgement, type ProjectAcknowledgement } from './project-acknowledgement.js';

/** The donor's acknowledgement for a page in `locale`, when the record is under a project. */
export async function acknowledgementOf(db: DbOrTx, projectId: string | null, locale: Locale): Promise<ProjectAcknowledgement | null> {
  return projectId ? getProjectAcknowledgement(db, projectId, locale) : null;
}

/** The course of each id (one lookup per distinct course). */
export async function coursesOf(db: DbOrTx, ids: string[]): Promise<Map<string, CourseSummary>> {
  const out = new Map<string, CourseSummary>();
  for (const id of new Set(ids)) {
    const course = await getCourseSummary(db, id);
    if (course) out.set(id, course);
  }
  return out;
}

export async function courseOf(db: DbOrTx, id: string): Promise<CourseSummary> {
  const course = await getCourseSummary(db, id);
  if (!course) throw new AppError('not_found', { values: { what: 'course' } });
  return course;
}

/** Whether each referenced record exists and belongs to the session's association. */
export async function checkReferences(
  db: DbOrTx,
  actor: AuthContext | null,
  associationId: string,
  refs: {
    courseId?: string;
    eventId?: string | null;
    projectId?: string | null;
    trainers?: Array<{ personId: string }>;
    partners?: Array<{ organisationId: string }>;
    guests?: Array<{ personId: string | null }>;
  },
  problems: FieldProblems,
): Promise<void> {
  if (refs.courseId !== undefined) {
    const course = await getCourseSummary(db, refs.courseId);
    if (!course || course.associationId !== associationId) problems.add('courseId', 'same_association');
    else if (course.status === 'archived') problems.add('courseId', 'course_archived');
  }
  if (refs.eventId) {
    const event = await findEventById(db, refs.eventId);
    if (!event || event.associationId !== associationId) problems.add('eventId', 'same_association');
  }
  if (refs.projectId) {
    const project = await getProject(db, { actor, id: refs.projectId }).catch(() => null);
    if (!project || project.associationId !== associationId) problems.add('projectId', 'same_association');
  }
  const samePerson = async (field: string, id: string) => {
    const person = await getPerson(db, { actor, id }).catch(() => null);
    if (!person || person.associationId !== associationId) problems.add(field, 'same_association');
    else if (person.id !== id) problems.add(field, 'merged');
  };
  for (const [i, t] of (refs.trainers ?? []).entries()) await samePerson(`trainers.${i}.personId`, t.personId);
  for (const [i, g] of (refs.guests ?? []).entries()) if (g.personId) await samePerson(`guests.${i}.personId`, g.personId);
  for (const [i, p] of (refs.partners ?? []).entries()) {
    const organisation = await getOrganisation(db, { actor, id: p.organisationId }).catch(() => null);
    if (!organisation || organisation.associationId !== associationId) problems.add(`partners.${i}.organisationId`, 'same_association');
    else if (organisation.id !== p.organisationId) problems.add(`partners.${i}.organisationId`, 'merged');
  }
}
