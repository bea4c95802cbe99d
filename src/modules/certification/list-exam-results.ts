import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRole, REVIEW_ROLES } from './access.js';
import { listExamResultRows, type ExamResultRow } from './exam-results-repository.js';
import { findScheme } from './schemes-repository.js';

export interface ListExamResultsOptions {
  actor: AuthContext | null;
  schemeId: string;
  personId?: string | undefined;
}

/** A scheme's exam results, latest first, for its association's assessors and staff. */
export async function listExamResults(db: DbOrTx, options: ListExamResultsOptions): Promise<ExamResultRow[]> {
  const scheme = await findScheme(db, options.schemeId);
  if (!scheme) throw new AppError('not_found', { values: { what: 'scheme' } });
  checkRole(options.actor, scheme.associationId, REVIEW_ROLES);
  return listExamResultRows(db, { schemeId: scheme.id, personId: options.personId });
}
