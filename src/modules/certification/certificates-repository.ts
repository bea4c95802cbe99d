import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { users } from '../accounts/tables.js';
import { associations } from '../associations/tables.js';
import {
  certificateEvents,
  certificates,
  certificationSchemes,
  schemeLevels,
  type CertificateOrigin,
  type CertificateStatus,
  type StatusReasonCategory,
} from './tables.js';

export interface CertificateValues {
  associationId: string;
  schemeId: string;
  levelId: string;
  personId: string;
  applicationId: string | null;
  origin: CertificateOrigin;
  number: string;
  year: number;
  sequence: number;
  holderName: string;
  holderNameLatin: string | null;
  issuedOn: string;
  validUntil: string;
  verificationCode: string;
  replacesId: string | null;
  revocationListId: number | null;
  revocationIndex: number | null;
  suspensionListId: number | null;
  suspensionIndex: number | null;
  issuedBy: string | null;
}

export interface CertificateRow extends CertificateValues {
  id: string;
  /** As stored; an active certificate past its last day is still stored active until the daily pass. */
  storedStatus: CertificateStatus;
  /** What holds today: revoked, else expired once past the last valid day (in the association's zone), else as stored. */
  status: CertificateStatus;
  statusReasonCategory: StatusReasonCategory | null;
  statusReason: string | null;
  statusChangedAt: Date | null;
  replacedById: string | null;
  replacedByNumber: string | null;
  replacesNumber: string | null;
  schemeName: Translated;
  numberPrefix: string;
  validityYears: number;
  renewalCpdCredits: number;
  levelName: Translated;
  timeZone: string;
  createdAt: Date;
}

const successor = alias(certificates, 'successor');
const predecessor = alias(certificates, 'predecessor');

/** The association's calendar day now: validity is counted in whole days where the certificate was issued. */
const localToday = sql`(now() at time zone ${associations.timeZone})::date`;

const effectiveStatus = sql<CertificateStatus>`case
  when ${certificates.status} = 'revoked' then 'revoked'
  when ${certificates.status} = 'expired' or ${certificates.validUntil} < ${localToday} then 'expired'
  else ${certificates.status} end`;

const columns = {
  id: certificates.id,
  associationId: certificates.associationId,
  schemeId: certificates.schemeId,
  levelId: certificates.levelId,
  personId: certificates.personId,
  applicationId: certificates.applicationId,
  origin: certificates.origin,
  number: certificates.number,
  year: certificates.year,
  sequence: certificates.sequence,
  holderName: certificates.holderName,
  holderNameLatin: certificates.holderNameLatin,
  issuedOn: certificates.issuedOn,
  validUntil: certificates.validUntil,
  verificationCode: certificates.verificationCode,
  replacesId: certificates.replacesId,
  revocationListId: certificates.revocationListId,
  revocationIndex: certificates.revocationIndex,
  suspensionListId: certificates.suspensionListId,
  suspensionIndex: certificates.suspensionIndex,
  issuedBy: certificates.issuedBy,
  storedStatus: certificates.status,
  status: effectiveStatus,
  statusReasonCategory: certificates.statusReasonCategory,
  statusReason: certificates.statusReason,
  statusChangedAt: certificates.statusChangedAt,
  replacedById: successor.id,
  replacedByNumber: successor.number,
  replacesNumber: predecessor.number,
  schemeName: certificationSchemes.name,
  numberPrefix: certificationSchemes.numberPrefix,
  validityYears: certificationSchemes.validityYears,
  renewalCpdCredits: certificationSchemes.renewalCpdCredits,
  levelName: schemeLevels.name,
  timeZone: associations.timeZone,
  createdAt: certificates.createdAt,
};

function selectCertificates(db: DbOrTx) {
  return db
    .select(columns)
    .from(certificates)
    .innerJoin(certificationSchemes, eq(certificationSchemes.id, certificates.schemeId))
    .innerJoin(schemeLevels, eq(schemeLevels.id, certificates.levelId))
    .innerJoin(associations, eq(associations.id, certificates.associationId))
    .leftJoin(successor, eq(successor.replacesId, certificates.id))
    .leftJoin(predecessor, eq(predecessor.id, certificates.replacesId));
}

export async function insertCertificate(db: DbOrTx, values: CertificateValues): Promise<string> {
  const rows = await db.insert(certificates).values(values).returning({ id: certificates.id });
  return rows[0]!.id;
}

/** Several certificates in one statement; each needs its id, so the caller knows which row is which. */
export async function insertCertificates(db: DbOrTx, values: Array<CertificateValues & { id: string }>): Promise<void> {
  if (values.length > 0) await db.insert(certificates).values(values);
}

/** Gives a certificate that has none its positions in the status lists. */
export async function setStatusPositions(
  db: DbOrTx,
  id: string,
  positions: { revocationListId: number; revocationIndex: number; suspensionListId: number; suspensionIndex: number },
): Promise<void> {
  await db.update(certificates).set(positions).where(eq(certificates.id, id));
}

export async function findCertificates(db: DbOrTx, ids: string[]): Promise<CertificateRow[]> {
  if (ids.length === 0) return [];
  return selectCertificates(db).where(inArray(certificates.id, ids));
}

export async function findCertificate(db: DbOrTx, id: string): Promise<CertificateRow | null> {
  const rows = await selectCertificates(db).where(eq(certificates.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Locks the certificate until the transaction ends (changes to one certificate take turns), then reads it. */
/** By its number, for the public verification address (which must still check the code). */
export async function findCertificateByNumber(db: DbOrTx, number: string): Promise<CertificateRow | null> {
  const rows = await selectCertificates(db).where(eq(certificates.number, number)).limit(1);
  return rows[0] ?? null;
}

export async function lockCertificate(db: DbOrTx, id: string): Promise<CertificateRow | null> {
  await db.select({ id: certificates.id }).from(certificates).where(eq(certificates.id, id)).for('update');
  return findCertificate(db, id);
}

export async function certificateOfApplication(db: DbOrTx, applicationId: string): Promise<CertificateRow | null> {
  const rows = await selectCertificates(db).where(eq(certificates.applicationId, applicationId)).limit(1);
  return rows[0] ?? null;
}

export interface StatusChange {
  status: CertificateStatus;
  statusReasonCategory: StatusReasonCategory | null;
  statusReason: string | null;
}

export async function updateCertificateStatus(db: DbOrTx, id: string, change: StatusChange): Promise<void> {
  await db
    .update(certificates)
    .set({ ...change, statusChangedAt: sql`now()` })
    .where(eq(certificates.id, id));
}

export interface CertificateListQuery {
  /** Associations whose certificates may be listed; null: every association's. */
  associationIds: string[] | null;
  status?: CertificateStatus | undefined;
  schemeId?: string | undefined;
  personId?: string | undefined;
  /** Part of the holder's name in either script, or of the number. */
  holder?: string | undefined;
  limit: number;
  offset: number;
}

export async function listCertificateRows(db: DbOrTx, query: CertificateListQuery): Promise<{ items: CertificateRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (query.associationIds !== null) {
    if (query.associationIds.length === 0) return { items: [], total: 0 };
    conditions.push(inArray(certificates.associationId, query.associationIds));
  }
  if (query.status) conditions.push(sql`${effectiveStatus} = ${query.status}`);
  if (query.schemeId) conditions.push(eq(certificates.schemeId, query.schemeId));
  if (query.personId) conditions.push(eq(certificates.personId, query.personId));
  if (query.holder) {
    const pattern = `%${query.holder.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      sql`${certificates.holderName} ilike ${pattern}`,
      sql`${certificates.holderNameLatin} ilike ${pattern}`,
      sql`${certificates.number} ilike ${pattern}`,
    );
    if (match) conditions.push(match);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [items, count] = await Promise.all([
    selectCertificates(db).where(where).orderBy(desc(certificates.createdAt), asc(certificates.number)).limit(query.limit).offset(query.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(certificates)
      .innerJoin(associations, eq(associations.id, certificates.associationId))
      .where(where),
  ]);
  return { items, total: count[0]?.n ?? 0 };
}

/** Active and suspended certificates past their last valid day (in their association's zone), locked for the pass. */
export async function lockDueForExpiry(db: DbOrTx, limit: number): Promise<Array<{ id: string; storedStatus: CertificateStatus; validUntil: string }>> {
  return db
    .select({ id: certificates.id, storedStatus: certificates.status, validUntil: certificates.validUntil })
    .from(certificates)
    .innerJoin(associations, eq(associations.id, certificates.associationId))
    .where(and(inArray(certificates.status, ['active', 'suspended']), sql`${certificates.validUntil} < ${localToday}`))
    .orderBy(asc(certificates.validUntil), asc(certificates.id))
    .limit(limit)
    .for('update', { of: certificates, skipLocked: true });
}

// History

export interface CertificateEventRow {
  id: string;
  certificateId: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  reasonCategory: StatusReasonCategory | null;
  note: string | null;
}

export async function insertCertificateEvent(
  db: DbOrTx,
  values: { certificateId: string; actorId: string | null; action: string; reasonCategory?: StatusReasonCategory | null; note?: string | null },
): Promise<string> {
  const rows = await db
    .insert(certificateEvents)
    .values({ ...values, at: sql`clock_timestamp()` })
    .returning({ id: certificateEvents.id });
  return rows[0]!.id;
}

/** Several history entries in one statement. */
export async function insertCertificateEvents(
  db: DbOrTx,
  values: Array<{ certificateId: string; actorId: string | null; action: string; note?: string | null }>,
): Promise<void> {
  if (values.length > 0) await db.insert(certificateEvents).values(values.map((v) => ({ ...v, at: sql`clock_timestamp()` })));
}

export async function certificateEventsOf(db: DbOrTx, certificateIds: string[]): Promise<CertificateEventRow[]> {
  if (certificateIds.length === 0) return [];
  return db
    .select({
      id: certificateEvents.id,
      certificateId: certificateEvents.certificateId,
      at: certificateEvents.at,
      actorId: certificateEvents.actorId,
      actorName: users.displayName,
      action: certificateEvents.action,
      reasonCategory: certificateEvents.reasonCategory,
      note: certificateEvents.note,
    })
    .from(certificateEvents)
    .leftJoin(users, eq(users.id, certificateEvents.actorId))
    .where(inArray(certificateEvents.certificateId, certificateIds))
    .orderBy(asc(certificateEvents.at), asc(certificateEvents.id));
}

/** Marks a certificate expired (the daily pass); its reason, if suspended, stays on record. */
export async function markExpired(db: DbOrTx, id: string): Promise<void> {
  await db.update(certificates).set({ status: 'expired', statusChangedAt: sql`now()` }).where(eq(certificates.id, id));
}
