import type { DbOrTx } from '../../db/client.js';
import { listPersonCompletions } from '../registration/list-person-completions.js';
import { documentsOf } from './applications-repository.js';
import type { ApplicantRecords, CompletedCourse } from './evaluate-requirements.js';
import { listExamResultRows } from './exam-results-repository.js';
import { courseRefs } from './scheme-view.js';

/** The courses a person completed in training sessions, each with the CPD credits the catalogue gives it. */
export async function completedCoursesOf(db: DbOrTx, personId: string): Promise<CompletedCourse[]> {
  const completions = await listPersonCompletions(db, personId);
  const refs = await courseRefs(
    db,
    completions.map((c) => c.courseId),
  );
  return completions.map((c) => ({ courseId: c.courseId, completedOn: c.completedAt, cpdCredits: refs.get(c.courseId)?.cpdCredits ?? 0 }));
}

/** Everything an application's requirements are evaluated on: the person's records, and what the application states and holds. */
export async function applicantRecords(
  db: DbOrTx,
  application: { id: string; personId: string; experienceYears: number | null },
): Promise<ApplicantRecords> {
  const [completedCourses, exams, documents] = await Promise.all([
    completedCoursesOf(db, application.personId),
    listExamResultRows(db, { personId: application.personId }),
    documentsOf(db, application.id),
  ]);
  return {
    completedCourses,
    examResults: exams.map((e) => ({
      schemeId: e.schemeId,
      levelId: e.levelId,
      examName: e.examName,
      passed: e.passed,
      score: e.score,
      takenOn: e.takenOn,
    })),
    experienceYears: application.experienceYears,
    documentTypes: documents.map((d) => d.documentType),
  };
}
