import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { findAssociation } from '../associations/repository.js';
import { checkRole, MANAGE_ROLES } from './access.js';
import { defaultCertificateLocales, normaliseSchemeInput, type SchemeInput } from './scheme-fields.js';
import { checkRequirementCourses, schemeViews, type SchemeView } from './scheme-view.js';
import { findScheme, insertLevel, insertScheme } from './schemes-repository.js';
import { rethrowSchemeConflict } from './update-scheme.js';

export interface CreateSchemeOptions {
  actor: AuthContext | null;
  input: SchemeInput & { associationId: string };
}

/** A new scheme with its levels, by staff of the association; certificates in its language and English unless told otherwise. */
export async function createScheme(db: Db, options: CreateSchemeOptions): Promise<SchemeView> {
  const { associationId } = options.input;
  checkRole(options.actor, associationId, MANAGE_ROLES);
  const association = await findAssociation(db, associationId);
  if (!association) throw new AppError('not_found', { values: { what: 'association' } });
  const problems = new FieldProblems();
  const clean = normaliseSchemeInput(options.input, problems, true);
  await checkRequirementCourses(db, associationId, clean.levels ?? [], problems);
  problems.throwIfAny();
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const schemeId = await insertScheme(tx, associationId, {
        name: clean.name!,
        description: clean.description ?? {},
        numberPrefix: clean.numberPrefix!,
        validityYears: clean.validityYears!,
        renewalCpdCredits: clean.renewalCpdCredits ?? 0,
        feeAmount: clean.feeAmount ?? null,
        feeCurrency: clean.feeCurrency ?? null,
        certificateLocales: clean.certificateLocales ?? defaultCertificateLocales(association.defaultLocale),
        status: clean.status ?? 'draft',
      });
      for (const [position, level] of (clean.levels ?? []).entries()) {
        await insertLevel(tx, schemeId, { position, name: level.name, requirements: level.requirements });
      }
      return schemeId;
    });
  } catch (error) {
    return rethrowSchemeConflict(error);
  }
  const [view] = await schemeViews(db, [(await findScheme(db, id))!]);
  return view!;
}
