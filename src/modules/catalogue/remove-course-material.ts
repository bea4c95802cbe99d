import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { deleteFile } from '../../platform/files/repository.js';
import { checkWritable } from './access.js';
import { deleteMaterial, findCourse, findMaterial } from './repository.js';

export interface RemoveCourseMaterialOptions {
  actor: AuthContext | null;
  courseId: string;
  materialId: string;
}

/** Removes a material, and its file with it. */
export async function removeCourseMaterial(db: Db, options: RemoveCourseMaterialOptions): Promise<void> {
  const course = await findCourse(db, options.courseId);
  const material = course ? await findMaterial(db, options.materialId) : null;
  if (!course || !material || material.courseId !== course.id) throw new AppError('not_found', { values: { what: 'material' } });
  checkWritable(options.actor, course, 'course');
  await db.transaction(async (tx) => {
    await deleteMaterial(tx, material.id);
    if (material.fileId) await deleteFile(tx, material.fileId);
  });
}
