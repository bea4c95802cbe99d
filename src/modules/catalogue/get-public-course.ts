import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { findPublishedCourseBySlug, listMaterials, type MaterialRow, type PublicCourseDetail } from './repository.js';

/** A published course by its public address, with its public materials. Drafts and archived courses are not found. */
export async function getPublicCourse(
  db: DbOrTx,
  associationSlug: string,
  courseSlug: string,
): Promise<{ course: PublicCourseDetail; materials: MaterialRow[] }> {
  const course = await findPublishedCourseBySlug(db, associationSlug, courseSlug);
  if (!course) throw new AppError('not_found', { values: { what: 'course' } });
  return { course, materials: await listMaterials(db, course.id, true) };
}
