import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { checkWritable } from './access.js';
import { normaliseCourseInput, type CourseInput } from './course-fields.js';
import { checkProgramme, courseValues } from './course-values.js';
import { getCourse, type CourseView } from './get-course.js';
import { rethrowDuplicate } from './programme-fields.js';
import { findCourse, updateCourse as writeCourse } from './repository.js';

export interface UpdateCourseOptions {
  actor: AuthContext | null;
  id: string;
  input: CourseInput;
}

export async function updateCourse(db: Db, options: UpdateCourseOptions): Promise<CourseView> {
  const current = await findCourse(db, options.id);
  if (!current) throw new AppError('not_found', { values: { what: 'course' } });
  checkWritable(options.actor, current, 'course');
  const problems = new FieldProblems();
  if (options.input.associationId !== undefined && options.input.associationId !== current.associationId) {
    problems.add('associationId', 'fixed');
  }
  const input = normaliseCourseInput(options.input, problems, false);
  await checkProgramme(db, current.associationId, input.programmeId, problems);
  problems.throwIfAny();
  try {
    await writeCourse(db, current.id, courseValues(input, false));
  } catch (error) {
    return rethrowDuplicate(error);
  }
  return getCourse(db, { actor: options.actor, id: current.id });
}
