import { asc, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { associations } from '../associations/tables.js';
import { courses, type EscoSkill } from '../catalogue/tables.js';
import { statusLists } from '../credentials/tables.js';
import type { Requirement } from './requirements.js';
import { certificateCredentials, certificates, certificationSchemes, schemeLevels } from './tables.js';

export interface StoredCredential {
  certificateId: string;
  credential: string;
  jwt: string;
  keyId: string;
  createdAt: Date;
}

export async function insertCertificateCredential(db: DbOrTx, values: Omit<StoredCredential, 'createdAt'>): Promise<void> {
  await db.insert(certificateCredentials).values(values);
}

export async function insertCertificateCredentials(db: DbOrTx, values: Array<Omit<StoredCredential, 'createdAt'>>): Promise<void> {
  if (values.length > 0) await db.insert(certificateCredentials).values(values);
}

export async function findCertificateCredential(db: DbOrTx, certificateId: string): Promise<StoredCredential | null> {
  const [row] = await db.select().from(certificateCredentials).where(eq(certificateCredentials.certificateId, certificateId));
  return row ?? null;
}

/** What a certificate's credential says beyond the certificate row: the issuer, the scheme's words and languages, the level's requirements. */
export interface CredentialFacts {
  associationName: string;
  schemeName: Translated;
  schemeDescription: Translated;
  certificateLocales: string[];
  levelName: Translated;
  levelPosition: number;
  requirements: Requirement[];
}

const CREDENTIAL_FACTS = {
  associationName: associations.name,
  schemeName: certificationSchemes.name,
  schemeDescription: certificationSchemes.description,
  certificateLocales: certificationSchemes.certificateLocales,
  levelName: schemeLevels.name,
  levelPosition: schemeLevels.position,
  requirements: schemeLevels.requirements,
};

export async function credentialFactsOf(db: DbOrTx, certificateId: string): Promise<CredentialFacts | null> {
  const [row] = await db
    .select(CREDENTIAL_FACTS)
    .from(certificates)
    .innerJoin(certificationSchemes, eq(certificationSchemes.id, certificates.schemeId))
    .innerJoin(schemeLevels, eq(schemeLevels.id, certificates.levelId))
    .innerJoin(associations, eq(associations.id, certificates.associationId))
    .where(eq(certificates.id, certificateId));
  return row ?? null;
}

/** The same facts for every certificate of a level: what a run of certificates of one level reads once. */
export async function levelCredentialFacts(db: DbOrTx, levelId: string): Promise<CredentialFacts | null> {
  const [row] = await db
    .select(CREDENTIAL_FACTS)
    .from(schemeLevels)
    .innerJoin(certificationSchemes, eq(certificationSchemes.id, schemeLevels.schemeId))
    .innerJoin(associations, eq(associations.id, certificationSchemes.associationId))
    .where(eq(schemeLevels.id, levelId));
  return row ?? null;
}

/** The ESCO skills and EQF level the catalogue gives each course. */
export async function courseAlignments(db: DbOrTx, ids: string[]): Promise<Array<{ id: string; eqfLevel: number | null; escoSkills: EscoSkill[] }>> {
  if (ids.length === 0) return [];
  return db.select({ id: courses.id, eqfLevel: courses.eqfLevel, escoSkills: courses.escoSkills }).from(courses).where(inArray(courses.id, ids));
}

/** The published number of each status list (its URL names the number, the certificate keeps the row id). */
export async function statusListNumbers(db: DbOrTx, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: statusLists.id, number: statusLists.number }).from(statusLists).where(inArray(statusLists.id, ids));
  return new Map(rows.map((r) => [r.id, r.number]));
}

/**
 * Certificates without a signed credential (issued before credentials were), oldest first, locked
 * until the transaction ends; rows another transaction holds are skipped, so two servers share the work.
 */
export async function lockCertificatesWithoutCredential(tx: DbOrTx, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ id: certificates.id })
    .from(certificates)
    .where(notExists(tx.select({ one: sql`1` }).from(certificateCredentials).where(eq(certificateCredentials.certificateId, certificates.id))))
    .orderBy(asc(certificates.createdAt), asc(certificates.id))
    .limit(limit)
    .for('update', { of: certificates, skipLocked: true });
  return rows.map((r) => r.id);
}

/** Of these certificates, those that have a credential (read afresh: one may have been signed since it was listed). */
export async function certificatesWithCredential(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: certificateCredentials.certificateId }).from(certificateCredentials).where(inArray(certificateCredentials.certificateId, ids));
  return new Set(rows.map((r) => r.id));
}
