import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { organisations } from '../people/tables.js';
import { projectPartners, projects } from './tables.js';

export const PARTNER_ROLES = ['coordinator', 'partner', 'associated'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export interface ProjectValues {
  name: string;
  donor: string;
  programme: string | null;
  agreementNumber: string | null;
  startsOn: string | null;
  endsOn: string | null;
  acknowledgement: Translated;
}

export interface ProjectRow extends ProjectValues {
  id: string;
  associationId: string;
  createdAt: Date;
}

export interface PartnerRow {
  projectId: string;
  organisationId: string;
  name: string;
  nameLatin: string | null;
  country: string | null;
  role: PartnerRole;
}

const projectColumns = {
  id: projects.id,
  associationId: projects.associationId,
  name: projects.name,
  donor: projects.donor,
  programme: projects.programme,
  agreementNumber: projects.agreementNumber,
  startsOn: projects.startsOn,
  endsOn: projects.endsOn,
  acknowledgement: projects.acknowledgement,
  createdAt: projects.createdAt,
};

export async function insertProject(db: DbOrTx, associationId: string, values: ProjectValues): Promise<string> {
  const rows = await db.insert(projects).values({ associationId, ...values }).returning({ id: projects.id });
  return rows[0]!.id;
}

export async function updateProject(db: DbOrTx, id: string, values: Partial<ProjectValues>): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await db.update(projects).set(values).where(eq(projects.id, id));
}

export async function findProject(db: DbOrTx, id: string): Promise<ProjectRow | null> {
  const rows = await db.select(projectColumns).from(projects).where(eq(projects.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Locks the project for the rest of the transaction, so two edits of its partners cannot interleave. */
export async function lockProject(db: DbOrTx, id: string): Promise<void> {
  await db.select({ id: projects.id }).from(projects).where(eq(projects.id, id)).for('update');
}

export interface ProjectListQuery {
  /** null: every association. */
  associationIds: string[] | null;
  q?: string;
  limit: number;
  offset: number;
}

export async function listProjects(db: DbOrTx, query: ProjectListQuery): Promise<{ items: ProjectRow[]; total: number }> {
  if (query.associationIds?.length === 0) return { items: [], total: 0 };
  const conditions: (SQL | undefined)[] = [];
  if (query.associationIds) conditions.push(inArray(projects.associationId, query.associationIds));
  const q = query.q?.trim().toLowerCase();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        sql`lower(${projects.name}) like ${pattern}`,
        sql`lower(${projects.donor}) like ${pattern}`,
        sql`lower(coalesce(${projects.agreementNumber}, '')) like ${pattern}`,
      ),
    );
  }
  const where = and(...conditions);
  const items = await db
    .select(projectColumns)
    .from(projects)
    .where(where)
    .orderBy(sql`${projects.startsOn} desc nulls last`, asc(projects.name))
    .limit(query.limit)
    .offset(query.offset);
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(where);
  return { items, total: rows[0]?.n ?? 0 };
}

/** The partners of the given projects, coordinator first, then by name. */
export async function listPartners(db: DbOrTx, projectIds: string[]): Promise<PartnerRow[]> {
  if (projectIds.length === 0) return [];
  return db
    .select({
      projectId: projectPartners.projectId,
      organisationId: projectPartners.organisationId,
      name: organisations.name,
      nameLatin: organisations.nameLatin,
      country: organisations.country,
      role: sql<PartnerRole>`${projectPartners.role}`,
    })
    .from(projectPartners)
    .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
    .where(inArray(projectPartners.projectId, projectIds))
    .orderBy(sql`case ${projectPartners.role} when 'coordinator' then 0 when 'partner' then 1 else 2 end`, asc(organisations.name));
}

/** Sets the partners to exactly the given list. */
export async function replacePartners(
  db: DbOrTx,
  projectId: string,
  partners: Array<{ organisationId: string; role: PartnerRole }>,
): Promise<void> {
  await db.delete(projectPartners).where(eq(projectPartners.projectId, projectId));
  if (partners.length > 0) await db.insert(projectPartners).values(partners.map((p) => ({ projectId, ...p })));
}
