import type { DbOrTx } from '../../db/client.js';
import type { FieldProblems } from '../../platform/field-problems.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { getCourseSummary } from '../catalogue/get-course.js';
import type { Requirement } from './requirements.js';
import type { CleanLevel } from './scheme-fields.js';
import { levelsOf, type LevelRow, type SchemeRow } from './schemes-repository.js';

export interface CourseRef {
  id: string;
  code: string;
  title: Translated;
  cpdCredits: number;
}

export type RequirementView = Requirement & { courses?: CourseRef[] };

export interface LevelView extends Omit<LevelRow, 'requirements'> {
  requirements: RequirementView[];
}

export interface SchemeView extends SchemeRow {
  levels: LevelView[];
}

/** The catalogue's facts of the courses requirements name, looked up once each. */
export async function courseRefs(db: DbOrTx, ids: Iterable<string>): Promise<Map<string, CourseRef>> {
  const refs = new Map<string, CourseRef>();
  for (const id of new Set(ids)) {
    const course = await getCourseSummary(db, id);
    if (course) refs.set(id, { id, code: course.code, title: course.title, cpdCredits: course.cpdCredits });
  }
  return refs;
}

export function withCourses(requirements: readonly Requirement[], refs: ReadonlyMap<string, CourseRef>): RequirementView[] {
  return requirements.map((r) =>
    r.kind === 'courses' ? { ...r, courses: r.courseIds.map((id) => refs.get(id)).filter((c): c is CourseRef => c !== undefined) } : r,
  );
}

/** Schemes with their levels in order, course requirements naming their courses. */
export async function schemeViews(db: DbOrTx, schemes: SchemeRow[]): Promise<SchemeView[]> {
  const levels = await levelsOf(
    db,
    schemes.map((s) => s.id),
  );
  const courseIds = levels.flatMap((l) => l.requirements.flatMap((r) => (r.kind === 'courses' ? r.courseIds : [])));
  const refs = await courseRefs(db, courseIds);
  return schemes.map((scheme) => ({
    ...scheme,
    levels: levels.filter((l) => l.schemeId === scheme.id).map((l) => ({ ...l, requirements: withCourses(l.requirements, refs) })),
  }));
}

/** Course requirements may name only existing courses of the scheme's association. */
export async function checkRequirementCourses(db: DbOrTx, associationId: string, levels: CleanLevel[], problems: FieldProblems): Promise<void> {
  for (const [i, level] of levels.entries()) {
    for (const [j, requirement] of level.requirements.entries()) {
      if (requirement.kind !== 'courses') continue;
      for (const id of requirement.courseIds) {
        const course = await getCourseSummary(db, id);
        if (!course || course.associationId !== associationId) {
          problems.add(`levels.${i}.requirements.${j}.courseIds`, 'certification_course');
          break;
        }
      }
    }
  }
}
