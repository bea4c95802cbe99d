import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { canReadAssociation, checkReadable } from './access.js';
import { findCourse, listMaterials, type CourseRow, type MaterialRow } from './repository.js';
import type { CourseStatus } from './tables.js';

export interface CourseView extends CourseRow {
  /** Members of the association see every material; others only the public ones. */
  materials: MaterialRow[];
}

export interface GetCourseOptions {
  actor: AuthContext | null;
  id: string;
}

/** A course as the caller may see it: published ones by anyone, drafts and archived ones by members. */
export async function getCourse(db: DbOrTx, options: GetCourseOptions): Promise<CourseView> {
  const course = await findCourse(db, options.id);
  if (!course) throw new AppError('not_found', { values: { what: 'course' } });
  checkReadable(options.actor, course, 'course');
  const materials = await listMaterials(db, course.id, !canReadAssociation(options.actor, course.associationId));
  return { ...course, materials };
}

/** What other modules need to know of a course (a session delivers one; a certificate names it). */
export interface CourseSummary {
  id: string;
  associationId: string;
  code: string;
  slug: string;
  title: Translated;
  hours: number;
  cpdCredits: number;
  eqfLevel: number | null;
  status: CourseStatus;
}

/**
 * The facts of a course, without any access check: the caller has already decided the reader may
 * see what it shows (e.g. a published session of this course). Null when there is no such course.
 */
export async function getCourseSummary(db: DbOrTx, id: string): Promise<CourseSummary | null> {
  const course = await findCourse(db, id);
  if (!course) return null;
  const { associationId, code, slug, title, hours, cpdCredits, eqfLevel, status } = course;
  return { id: course.id, associationId, code, slug, title, hours, cpdCredits, eqfLevel, status };
}
