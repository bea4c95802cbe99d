import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { files } from '../../platform/files/tables.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { users } from '../accounts/tables.js';
import { people } from '../people/tables.js';
import type { DocumentType, Requirement } from './requirements.js';
import {
  applicationChecks,
  applicationDocuments,
  applicationEvents,
  certificationApplications,
  certificationSchemes,
  schemeLevels,
  type ApplicationStatus,
} from './tables.js';

export interface ApplicationRow {
  id: string;
  associationId: string;
  schemeId: string;
  levelId: string;
  personId: string;
  userId: string;
  locale: string;
  status: ApplicationStatus;
  experienceYears: number | null;
  statement: string | null;
  requirements: Requirement[] | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The applicant's account address: where every mail about the application goes. */
  applicantEmail: string;
  fullName: string;
  nameLatin: string | null;
  schemeName: Translated;
  levelName: Translated;
}

const columns = {
  id: certificationApplications.id,
  associationId: certificationApplications.associationId,
  schemeId: certificationApplications.schemeId,
  levelId: certificationApplications.levelId,
  personId: certificationApplications.personId,
  userId: certificationApplications.userId,
  locale: certificationApplications.locale,
  status: certificationApplications.status,
  experienceYears: certificationApplications.experienceYears,
  statement: certificationApplications.statement,
  requirements: certificationApplications.requirements,
  decisionReason: certificationApplications.decisionReason,
  decidedAt: certificationApplications.decidedAt,
  submittedAt: certificationApplications.submittedAt,
  createdAt: certificationApplications.createdAt,
  updatedAt: certificationApplications.updatedAt,
  applicantEmail: users.email,
  fullName: people.fullName,
  nameLatin: people.nameLatin,
  schemeName: certificationSchemes.name,
  levelName: schemeLevels.name,
};

function selectApplications(db: DbOrTx) {
  return db
    .select(columns)
    .from(certificationApplications)
    .innerJoin(users, eq(users.id, certificationApplications.userId))
    .innerJoin(people, eq(people.id, certificationApplications.personId))
    .innerJoin(certificationSchemes, eq(certificationSchemes.id, certificationApplications.schemeId))
    .innerJoin(schemeLevels, eq(schemeLevels.id, certificationApplications.levelId));
}

export interface NewApplication {
  associationId: string;
  schemeId: string;
  levelId: string;
  personId: string;
  userId: string;
  locale: string;
  experienceYears: number | null;
  statement: string | null;
}

export async function insertApplication(db: DbOrTx, values: NewApplication): Promise<string> {
  const rows = await db.insert(certificationApplications).values(values).returning({ id: certificationApplications.id });
  return rows[0]!.id;
}

export async function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow | null> {
  const rows = await selectApplications(db).where(eq(certificationApplications.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Locks the application until the transaction ends (steps on one application take turns), then reads it. */
export async function lockApplication(db: DbOrTx, id: string): Promise<ApplicationRow | null> {
  await db.select({ id: certificationApplications.id }).from(certificationApplications).where(eq(certificationApplications.id, id)).for('update');
  return findApplication(db, id);
}

export interface ApplicationChanges {
  status?: ApplicationStatus;
  locale?: string;
  experienceYears?: number | null;
  statement?: string | null;
  requirements?: Requirement[];
  decisionReason?: string | null;
  decidedBy?: string | null;
  decidedAt?: Date | null;
  submittedAt?: Date;
}

export async function updateApplicationRow(db: DbOrTx, id: string, changes: ApplicationChanges): Promise<void> {
  await db
    .update(certificationApplications)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(certificationApplications.id, id));
}

export interface ApplicationListQuery {
  /** Associations whose applications may be listed; null: every association's. */
  associationIds: string[] | null;
  userId?: string | undefined;
  statuses?: ApplicationStatus[] | undefined;
  schemeId?: string | undefined;
  limit: number;
  offset: number;
}

export async function listApplicationRows(db: DbOrTx, query: ApplicationListQuery): Promise<{ items: ApplicationRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (query.associationIds !== null) {
    if (query.associationIds.length === 0) return { items: [], total: 0 };
    conditions.push(inArray(certificationApplications.associationId, query.associationIds));
  }
  if (query.userId) conditions.push(eq(certificationApplications.userId, query.userId));
  if (query.statuses && query.statuses.length > 0) conditions.push(inArray(certificationApplications.status, query.statuses));
  if (query.schemeId) conditions.push(eq(certificationApplications.schemeId, query.schemeId));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [items, count] = await Promise.all([
    selectApplications(db)
      .where(where)
      // Oldest submission first: the review queue is worked in order of arrival.
      .orderBy(sql`${certificationApplications.submittedAt} asc nulls last`, desc(certificationApplications.createdAt), asc(certificationApplications.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(certificationApplications).where(where),
  ]);
  return { items, total: count[0]?.n ?? 0 };
}

/** Approved applications of a scheme that have no certificate yet: what a bulk issue works through. */
export async function approvedWithoutCertificate(db: DbOrTx, schemeId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    select a.id from certification_applications a
    where a.scheme_id = ${schemeId} and a.status = 'approved'
      and not exists (select 1 from certificates c where c.application_id = a.id)
    order by a.decided_at, a.id`);
  const list = Array.isArray(rows) ? (rows as Array<{ id: string }>) : (rows as { rows: Array<{ id: string }> }).rows;
  return list.map((r) => r.id);
}

// Documents

export interface DocumentRow {
  id: string;
  applicationId: string;
  documentType: DocumentType;
  fileId: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: Date;
}

const documentColumns = {
  id: applicationDocuments.id,
  applicationId: applicationDocuments.applicationId,
  documentType: applicationDocuments.documentType,
  fileId: applicationDocuments.fileId,
  fileName: files.fileName,
  contentType: files.contentType,
  size: files.size,
  uploadedAt: applicationDocuments.uploadedAt,
};

export async function insertDocument(
  db: DbOrTx,
  values: { applicationId: string; documentType: DocumentType; fileId: string; uploadedBy: string },
): Promise<string> {
  const rows = await db.insert(applicationDocuments).values(values).returning({ id: applicationDocuments.id });
  return rows[0]!.id;
}

export async function documentsOf(db: DbOrTx, applicationId: string): Promise<DocumentRow[]> {
  return db
    .select(documentColumns)
    .from(applicationDocuments)
    .innerJoin(files, eq(files.id, applicationDocuments.fileId))
    .where(eq(applicationDocuments.applicationId, applicationId))
    .orderBy(asc(applicationDocuments.uploadedAt), asc(applicationDocuments.id));
}

export async function findDocument(db: DbOrTx, applicationId: string, documentId: string): Promise<DocumentRow | null> {
  const rows = await db
    .select(documentColumns)
    .from(applicationDocuments)
    .innerJoin(files, eq(files.id, applicationDocuments.fileId))
    .where(and(eq(applicationDocuments.applicationId, applicationId), eq(applicationDocuments.id, documentId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function deleteDocumentRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(applicationDocuments).where(eq(applicationDocuments.id, id));
}

// Checklist

export interface CheckRow {
  requirementId: string;
  met: boolean;
  note: string | null;
  checkedBy: string | null;
  checkedByName: string | null;
  checkedAt: Date;
}

export async function upsertCheck(
  db: DbOrTx,
  values: { applicationId: string; requirementId: string; met: boolean; note: string | null; checkedBy: string | null },
): Promise<void> {
  await db
    .insert(applicationChecks)
    .values(values)
    .onConflictDoUpdate({
      target: [applicationChecks.applicationId, applicationChecks.requirementId],
      set: { met: values.met, note: values.note, checkedBy: values.checkedBy, checkedAt: sql`now()` },
    });
}

export async function checksOf(db: DbOrTx, applicationId: string): Promise<CheckRow[]> {
  return db
    .select({
      requirementId: applicationChecks.requirementId,
      met: applicationChecks.met,
      note: applicationChecks.note,
      checkedBy: applicationChecks.checkedBy,
      checkedByName: users.displayName,
      checkedAt: applicationChecks.checkedAt,
    })
    .from(applicationChecks)
    .leftJoin(users, eq(users.id, applicationChecks.checkedBy))
    .where(eq(applicationChecks.applicationId, applicationId));
}

// History

export interface ApplicationEventRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  note: string | null;
}

export async function insertApplicationEvent(
  db: DbOrTx,
  values: { applicationId: string; actorId: string | null; action: string; note: string | null; at?: Date },
): Promise<string> {
  // The clock, not the transaction's start: several steps in one transaction keep their order.
  const rows = await db
    .insert(applicationEvents)
    .values({ ...values, at: values.at ?? sql`clock_timestamp()` })
    .returning({ id: applicationEvents.id });
  return rows[0]!.id;
}

export async function eventsOf(db: DbOrTx, applicationId: string): Promise<ApplicationEventRow[]> {
  return db
    .select({
      id: applicationEvents.id,
      at: applicationEvents.at,
      actorId: applicationEvents.actorId,
      actorName: users.displayName,
      action: applicationEvents.action,
      note: applicationEvents.note,
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorId))
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
}

/** Whether the person has applied to the scheme (in any status). */
export async function hasApplied(db: DbOrTx, schemeId: string, personId: string): Promise<boolean> {
  const rows = await db
    .select({ id: certificationApplications.id })
    .from(certificationApplications)
    .where(and(eq(certificationApplications.schemeId, schemeId), eq(certificationApplications.personId, personId)))
    .limit(1);
  return rows.length > 0;
}

/** The person's latest application for the level: whose account and language certificate mails use. */
export async function latestApplicationOf(db: DbOrTx, personId: string, levelId: string): Promise<ApplicationRow | null> {
  const rows = await selectApplications(db)
    .where(and(eq(certificationApplications.personId, personId), eq(certificationApplications.levelId, levelId)))
    .orderBy(desc(certificationApplications.createdAt))
    .limit(1);
  return rows[0] ?? null;
}
