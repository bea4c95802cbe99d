import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { checkRole, MANAGE_ROLES } from './access.js';
import { isStillReferenced, violatedUniqueRule } from './constraint-violation.js';
import { normaliseSchemeInput, type SchemeInput } from './scheme-fields.js';
import { checkRequirementCourses, schemeViews, type SchemeView } from './scheme-view.js';
import { deleteLevelsExcept, findScheme, insertLevel, levelsOf, lockScheme, updateLevel, updateSchemeRow } from './schemes-repository.js';

export interface UpdateSchemeOptions {
  actor: AuthContext | null;
  id: string;
  input: SchemeInput;
}

/** A prefix another scheme uses, or a level removed while applications or certificates name it. */
export function rethrowSchemeConflict(error: unknown): never {
  if (violatedUniqueRule(error) === 'certification_schemes_prefix') {
    throw new AppError('duplicate', { values: { field: 'numberPrefix' }, fields: { numberPrefix: { key: 'taken' } } });
  }
  if (isStillReferenced(error)) throw new AppError('conflict', { messageKey: 'certification.errors.level_in_use' });
  throw error;
}

/**
 * Changes some of a scheme's fields. Levels, when sent, are the whole new list in order: a level
 * sent with its id keeps it (and the applications that name it); one left out is removed, which
 * is refused while any application, exam result or certificate names it.
 */
export async function updateScheme(db: Db, options: UpdateSchemeOptions): Promise<SchemeView> {
  const found = await findScheme(db, options.id);
  if (!found) throw new AppError('not_found', { values: { what: 'scheme' } });
  checkRole(options.actor, found.associationId, MANAGE_ROLES);
  const problems = new FieldProblems();
  const clean = normaliseSchemeInput(options.input, problems, false);
  if (clean.levels) await checkRequirementCourses(db, found.associationId, clean.levels, problems);
  problems.throwIfAny();
  const { levels, ...fields } = clean;
  try {
    await db.transaction(async (tx) => {
      await lockScheme(tx, found.id);
      await updateSchemeRow(tx, found.id, fields);
      if (!levels) return;
      const existing = new Set((await levelsOf(tx, [found.id])).map((l) => l.id));
      const kept: string[] = [];
      for (const [position, level] of levels.entries()) {
        const values = { position, name: level.name, requirements: level.requirements };
        if (level.id && existing.has(level.id) && !kept.includes(level.id)) {
          await updateLevel(tx, level.id, values);
          kept.push(level.id);
        } else {
          kept.push(await insertLevel(tx, found.id, values));
        }
      }
      await deleteLevelsExcept(tx, found.id, kept);
    });
  } catch (error) {
    return rethrowSchemeConflict(error);
  }
  const [view] = await schemeViews(db, [(await findScheme(db, found.id))!]);
  return view!;
}
