import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { findFileContent } from '../../platform/files/repository.js';
import { canReadAssociation } from './access.js';
import { findCourse, findMaterial } from './repository.js';

export interface MaterialFile {
  fileName: string;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface GetMaterialFileOptions {
  actor: AuthContext | null;
  courseId: string;
  materialId: string;
}

/**
 * The file of a material: for anyone when the material is public and its course published,
 * otherwise for the members of the course's association. Anyone else is told it does not exist.
 */
export async function getMaterialFile(db: DbOrTx, options: GetMaterialFileOptions): Promise<MaterialFile> {
  const notFound = new AppError('not_found', { values: { what: 'material' } });
  const course = await findCourse(db, options.courseId);
  const material = course ? await findMaterial(db, options.materialId) : null;
  if (!course || !material || material.courseId !== course.id || !material.fileId) throw notFound;
  const open = material.visibility === 'public' && course.status === 'published';
  if (!open && !canReadAssociation(options.actor, course.associationId)) throw notFound;
  const file = await findFileContent(db, material.fileId);
  if (!file) throw notFound;
  return { fileName: file.fileName, contentType: file.contentType, size: file.size, content: file.content };
}
