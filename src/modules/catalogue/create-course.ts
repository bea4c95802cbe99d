import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { checkAssociationWrite } from './access.js';
import { normaliseCourseInput, type CourseInput } from './course-fields.js';
import { checkProgramme, courseValues } from './course-values.js';
import { getCourse, type CourseView } from './get-course.js';
import { rethrowDuplicate } from './programme-fields.js';
import { insertCourse, type CourseValues } from './repository.js';

export interface CreateCourseOptions {
  actor: AuthContext | null;
  input: CourseInput & { associationId: string };
}

export async function createCourse(db: Db, options: CreateCourseOptions): Promise<CourseView> {
  const { associationId } = options.input;
  checkAssociationWrite(options.actor, associationId);
  const problems = new FieldProblems();
  const input = normaliseCourseInput(options.input, problems, true);
  await checkProgramme(db, associationId, input.programmeId, problems);
  problems.throwIfAny();
  let id: string;
  try {
    id = await insertCourse(db, associationId, courseValues(input, true) as CourseValues);
  } catch (error) {
    return rethrowDuplicate(error);
  }
  return getCourse(db, { actor: options.actor, id });
}
