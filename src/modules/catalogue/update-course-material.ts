import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { checkWritable } from './access.js';
import { cleanMaterialTitle, cleanUrl, type MaterialVisibility } from './material-fields.js';
import { findCourse, findMaterial, updateMaterial, type MaterialRow } from './repository.js';

export interface MaterialPatch {
  title?: Translated;
  url?: string;
  visibility?: MaterialVisibility;
  position?: number;
}

export interface UpdateCourseMaterialOptions {
  actor: AuthContext | null;
  courseId: string;
  materialId: string;
  input: MaterialPatch;
}

/** Renames a material, moves it in the list, or makes it public or participants-only. */
export async function updateCourseMaterial(db: DbOrTx, options: UpdateCourseMaterialOptions): Promise<MaterialRow> {
  const course = await findCourse(db, options.courseId);
  const material = course ? await findMaterial(db, options.materialId) : null;
  if (!course || !material || material.courseId !== course.id) throw new AppError('not_found', { values: { what: 'material' } });
  checkWritable(options.actor, course, 'course');
  const problems = new FieldProblems();
  const title = cleanMaterialTitle(options.input.title, problems, false);
  if (title && Object.keys(title).length === 0) problems.add('title', 'translation_required');
  const url = cleanUrl(options.input.url, problems);
  if (url !== undefined && material.kind !== 'link') problems.add('url', 'fixed');
  problems.throwIfAny();
  await updateMaterial(db, material.id, {
    ...(title ? { title } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(options.input.visibility ? { visibility: options.input.visibility } : {}),
    ...(options.input.position !== undefined ? { position: options.input.position } : {}),
  });
  return (await findMaterial(db, material.id))!;
}
