import type { DbOrTx } from '../../db/client.js';
import type { FieldProblems } from '../../platform/field-problems.js';
import type { CourseInput } from './course-fields.js';
import { findProgramme, type CourseValues } from './repository.js';

/** The programme must belong to the course's association. */
export async function checkProgramme(
  db: DbOrTx,
  associationId: string,
  programmeId: string | null | undefined,
  problems: FieldProblems,
): Promise<void> {
  if (!programmeId) return;
  const programme = await findProgramme(db, programmeId);
  if (!programme || programme.associationId !== associationId) problems.add('programmeId', 'programme');
}

/** The columns to write: everything given, defaults for what a new course leaves out. */
export function courseValues(input: CourseInput, creating: boolean): Partial<CourseValues> {
  const values: Partial<CourseValues> = {};
  const keys = [
    'programmeId',
    'code',
    'slug',
    'title',
    'summary',
    'learningOutcomes',
    'prerequisites',
    'competencyAreas',
    'sectors',
    'hours',
    'cpdCredits',
    'eqfLevel',
    'escoSkills',
    'status',
  ] as const;
  for (const key of keys) {
    if (input[key] !== undefined) (values as Record<string, unknown>)[key] = input[key];
  }
  if (creating) {
    return {
      programmeId: null,
      summary: {},
      learningOutcomes: [],
      prerequisites: {},
      competencyAreas: [],
      sectors: [],
      cpdCredits: 0,
      eqfLevel: null,
      escoSkills: [],
      status: 'draft',
      ...values,
    };
  }
  return values;
}
