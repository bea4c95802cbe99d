import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { cleanText, FieldProblems } from '../../platform/field-problems.js';
import { findLivePerson } from '../people/person-values.js';
import { checkRole, REVIEW_ROLES } from './access.js';
import { hasApplied } from './applications-repository.js';
import { insertExamResult, listExamResultRows, type ExamResultRow } from './exam-results-repository.js';
import { SCHEME_LIMITS } from './scheme-fields.js';
import { findLevel, findScheme } from './schemes-repository.js';

export interface ExamResultInput {
  personId: string;
  levelId: string;
  examName: string;
  score: number;
  passed: boolean;
  takenOn: string;
}

export interface RecordExamResultOptions {
  actor: AuthContext | null;
  schemeId: string;
  input: ExamResultInput;
  now?: Date;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An assessor (or staff) of the scheme's association enters an exam result for a person of the
 * association or an applicant to the scheme, until exams are held on the platform itself.
 */
export async function recordExamResult(db: Db, options: RecordExamResultOptions): Promise<ExamResultRow> {
  const scheme = await findScheme(db, options.schemeId);
  if (!scheme) throw new AppError('not_found', { values: { what: 'scheme' } });
  const auth = checkRole(options.actor, scheme.associationId, REVIEW_ROLES);
  const { input } = options;
  const problems = new FieldProblems();
  const level = await findLevel(db, input.levelId);
  if (!level || level.schemeId !== scheme.id) problems.add('levelId', 'certification_level');
  const person = await findLivePerson(db, input.personId);
  const applicant = person ? await hasApplied(db, scheme.id, person.id) : false;
  if (!person || (person.associationId !== scheme.associationId && !applicant)) problems.add('personId', 'certification_person');
  const examName = cleanText(input.examName) ?? '';
  if (examName === '') problems.add('examName', 'required');
  else if (examName.length > SCHEME_LIMITS.examName) problems.add('examName', 'too_long', { max: SCHEME_LIMITS.examName });
  if (!Number.isFinite(input.score) || input.score < 0) problems.add('score', 'min', { min: 0 });
  else if (input.score > 1000) problems.add('score', 'max', { max: 1000 });
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  if (!DATE.test(input.takenOn) || Number.isNaN(Date.parse(input.takenOn))) problems.add('takenOn', 'date');
  else if (input.takenOn > today) problems.add('takenOn', 'certification_future_date');
  problems.throwIfAny();
  const id = await insertExamResult(db, {
    associationId: scheme.associationId,
    schemeId: scheme.id,
    levelId: level!.id,
    personId: person!.id,
    examName,
    score: Math.round(input.score * 100) / 100,
    passed: input.passed,
    takenOn: input.takenOn,
    assessorId: auth.user.id,
  });
  return (await listExamResultRows(db, { schemeId: scheme.id, personId: person!.id })).find((r) => r.id === id)!;
}
