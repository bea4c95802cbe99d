import type { Db } from '../../db/client.js';
import type { Locale } from '../../config.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { storeFile } from '../../platform/files/store-file.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { checkWritable } from './access.js';
import { cleanMaterialTitle, cleanUrl, MATERIAL_FILE_TYPES, type MaterialVisibility } from './material-fields.js';
import { findCourse, findMaterial, insertMaterial, type MaterialRow } from './repository.js';

export type MaterialInput =
  | { kind: 'link'; title: Translated; url: string; visibility?: MaterialVisibility }
  | { kind: 'file'; title?: Translated; fileName: string; content: Buffer; visibility?: MaterialVisibility };

export interface AddCourseMaterialOptions {
  actor: AuthContext | null;
  courseId: string;
  input: MaterialInput;
  /** The uploader's language: a file without a title is named by its file name in it. */
  locale: Locale;
}

/** Adds a link, or a file checked by its content and kept in the database, to a course. */
export async function addCourseMaterial(db: Db, options: AddCourseMaterialOptions): Promise<MaterialRow> {
  const course = await findCourse(db, options.courseId);
  if (!course) throw new AppError('not_found', { values: { what: 'course' } });
  const auth = checkWritable(options.actor, course, 'course');
  const { input } = options;
  const problems = new FieldProblems();
  const visibility = input.visibility ?? 'participants';
  if (input.kind === 'link') {
    const title = cleanMaterialTitle(input.title, problems, true)!;
    const url = cleanUrl(input.url, problems)!;
    problems.throwIfAny();
    const id = await insertMaterial(db, course.id, { kind: 'link', title, url, fileId: null, visibility });
    return (await findMaterial(db, id))!;
  }
  const given = cleanMaterialTitle(input.title, problems, false);
  problems.throwIfAny();
  const id = await db.transaction(async (tx) => {
    const file = await storeFile(tx, {
      associationId: course.associationId,
      fileName: input.fileName,
      content: input.content,
      createdBy: auth.user.id,
      accept: MATERIAL_FILE_TYPES,
    });
    const title = given && Object.keys(given).length > 0 ? given : { [options.locale]: file.fileName };
    return insertMaterial(tx, course.id, { kind: 'file', title, url: null, fileId: file.id, visibility });
  });
  return (await findMaterial(db, id))!;
}
