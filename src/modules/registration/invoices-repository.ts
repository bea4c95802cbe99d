import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { associations } from '../associations/tables.js';
import { projects, sessionDays, trainingSessions } from '../events/tables.js';
import { organisations, people } from '../people/tables.js';
import { invoiceEvents, invoices, registrations, type FeeMode, type InvoiceEventKind, type InvoiceStatus, type RegistrationStatus } from './tables.js';

export interface InvoiceRow {
  id: string;
  associationId: string;
  registrationId: string;
  number: string;
  year: number;
  sequence: number;
  amount: number;
  currency: string;
  dueOn: string;
  status: InvoiceStatus;
  locale: string;
  issuedAt: Date;
  paidOn: string | null;
  paymentReference: string | null;
  voidedAt: Date | null;
  voidReason: string | null;
}

export type NewInvoice = Pick<InvoiceRow, 'associationId' | 'registrationId' | 'number' | 'year' | 'sequence' | 'amount' | 'currency' | 'dueOn' | 'locale'> & {
  issuedAt?: Date;
};

const columns = {
  id: invoices.id,
  associationId: invoices.associationId,
  registrationId: invoices.registrationId,
  number: invoices.number,
  year: invoices.year,
  sequence: invoices.sequence,
  amount: invoices.amount,
  currency: invoices.currency,
  dueOn: invoices.dueOn,
  status: invoices.status,
  locale: invoices.locale,
  issuedAt: invoices.issuedAt,
  paidOn: invoices.paidOn,
  paymentReference: invoices.paymentReference,
  voidedAt: invoices.voidedAt,
  voidReason: invoices.voidReason,
};

/** What deciding a registration's fee needs to know, read with the registration row locked. */
export interface FeeSubject {
  registrationId: string;
  associationId: string;
  sessionId: string;
  status: RegistrationStatus;
  feeMode: FeeMode;
  sponsorProjectId: string | null;
  locale: string;
  priceAmount: number | null;
  priceCurrency: string | null;
  sessionProjectId: string | null;
  associationShortName: string;
  associationTimeZone: string;
  /** The session's first day (YYYY-MM-DD on the place's clocks), null when it has no days yet. */
  firstDay: string | null;
}

/**
 * Locks the registration row (not the session's) so that two requests deciding the same
 * registration's fee take turns, and reads what the decision needs.
 */
export async function lockFeeSubject(db: DbOrTx, registrationId: string): Promise<FeeSubject | null> {
  const rows = await db
    .select({
      registrationId: registrations.id,
      associationId: registrations.associationId,
      sessionId: registrations.sessionId,
      status: registrations.status,
      feeMode: registrations.feeMode,
      sponsorProjectId: registrations.sponsorProjectId,
      locale: registrations.locale,
      priceAmount: trainingSessions.priceAmount,
      priceCurrency: trainingSessions.priceCurrency,
      sessionProjectId: trainingSessions.projectId,
      associationShortName: associations.shortName,
      associationTimeZone: associations.timeZone,
      firstDay: sql<string | null>`(select min(${sessionDays.day})::text from ${sessionDays} where ${sessionDays.sessionId} = ${trainingSessions.id})`,
    })
    .from(registrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, registrations.sessionId))
    .innerJoin(associations, eq(associations.id, registrations.associationId))
    .where(eq(registrations.id, registrationId))
    .for('update', { of: registrations })
    .limit(1);
  return rows[0] ?? null;
}

export async function setRegistrationFee(db: DbOrTx, registrationId: string, feeMode: FeeMode, sponsorProjectId: string | null): Promise<void> {
  await db.update(registrations).set({ feeMode, sponsorProjectId }).where(eq(registrations.id, registrationId));
}

export async function findLiveInvoice(db: DbOrTx, registrationId: string): Promise<InvoiceRow | null> {
  const rows = await db
    .select(columns)
    .from(invoices)
    .where(and(eq(invoices.registrationId, registrationId), ne(invoices.status, 'void')))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertInvoice(db: DbOrTx, values: NewInvoice): Promise<InvoiceRow> {
  const rows = await db.insert(invoices).values(values).returning(columns);
  return rows[0]!;
}

/** An invoice with its session and the time zone its association keeps its books in. */
export type LocatedInvoice = InvoiceRow & { sessionId: string; associationTimeZone: string };

export async function findInvoice(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<LocatedInvoice | null> {
  const query = db
    .select({ ...columns, sessionId: registrations.sessionId, associationTimeZone: associations.timeZone })
    .from(invoices)
    .innerJoin(registrations, eq(registrations.id, invoices.registrationId))
    .innerJoin(associations, eq(associations.id, invoices.associationId))
    .where(eq(invoices.id, id))
    .limit(1);
  const rows = options.lock ? await query.for('update', { of: invoices }) : await query;
  return rows[0] ?? null;
}

export async function updateInvoice(
  db: DbOrTx,
  id: string,
  values: Partial<Pick<InvoiceRow, 'status' | 'paidOn' | 'paymentReference' | 'voidReason'>> & { voided?: boolean },
): Promise<InvoiceRow> {
  const { voided, ...rest } = values;
  const rows = await db
    .update(invoices)
    .set({ ...rest, ...(voided ? { voidedAt: sql`now()` } : {}) })
    .where(eq(invoices.id, id))
    .returning(columns);
  return rows[0]!;
}

export interface NewInvoiceEvent {
  invoiceId: string;
  kind: InvoiceEventKind;
  paidOn?: string | null;
  paymentReference?: string | null;
  reason?: string | null;
  actorId: string | null;
}

export async function insertInvoiceEvent(db: DbOrTx, event: NewInvoiceEvent): Promise<void> {
  await db.insert(invoiceEvents).values(event);
}

export interface InvoiceEventRow {
  kind: InvoiceEventKind;
  paidOn: string | null;
  paymentReference: string | null;
  reason: string | null;
  actorId: string | null;
  at: Date;
}

export async function listInvoiceEvents(db: DbOrTx, invoiceId: string): Promise<InvoiceEventRow[]> {
  return db
    .select({
      kind: invoiceEvents.kind,
      paidOn: invoiceEvents.paidOn,
      paymentReference: invoiceEvents.paymentReference,
      reason: invoiceEvents.reason,
      actorId: invoiceEvents.actorId,
      at: invoiceEvents.at,
    })
    .from(invoiceEvents)
    .where(eq(invoiceEvents.invoiceId, invoiceId))
    .orderBy(asc(invoiceEvents.at), asc(invoiceEvents.id));
}

/** An invoice as staff list it, with whom it is for and where their registration stands. */
export interface SessionInvoiceRow extends InvoiceRow {
  personId: string;
  fullName: string;
  nameLatin: string | null;
  registrationStatus: RegistrationStatus;
}

export async function listSessionInvoices(db: DbOrTx, sessionId: string): Promise<SessionInvoiceRow[]> {
  return db
    .select({ ...columns, personId: people.id, fullName: people.fullName, nameLatin: people.nameLatin, registrationStatus: registrations.status })
    .from(invoices)
    .innerJoin(registrations, eq(registrations.id, invoices.registrationId))
    .innerJoin(people, eq(people.id, registrations.personId))
    .where(eq(registrations.sessionId, sessionId))
    .orderBy(asc(invoices.year), asc(invoices.sequence));
}

/** A registration of a session with its fee and its live invoice, if any. */
export interface FeeRow {
  registrationId: string;
  personId: string;
  fullName: string;
  nameLatin: string | null;
  gender: string;
  sector: string | null;
  country: string | null;
  organisation: string | null;
  status: RegistrationStatus;
  feeMode: FeeMode;
  sponsorProjectId: string | null;
  sponsorProjectName: string | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  invoiceStatus: InvoiceStatus | null;
  amount: number | null;
  currency: string | null;
  dueOn: string | null;
  paidOn: string | null;
  paymentReference: string | null;
}

/**
 * Every registration of the session that is live or was ever invoiced, with its live invoice
 * (the last one, for a registration whose invoices were all voided).
 */
export async function listSessionFees(db: DbOrTx, sessionId: string): Promise<FeeRow[]> {
  const latest = db
    .selectDistinctOn([invoices.registrationId], {
      registrationId: invoices.registrationId,
      id: invoices.id,
      number: invoices.number,
      status: invoices.status,
      amount: invoices.amount,
      currency: invoices.currency,
      dueOn: invoices.dueOn,
      paidOn: invoices.paidOn,
      paymentReference: invoices.paymentReference,
    })
    .from(invoices)
    .innerJoin(registrations, eq(registrations.id, invoices.registrationId))
    .where(eq(registrations.sessionId, sessionId))
    .orderBy(invoices.registrationId, sql`(${invoices.status} <> 'void') desc`, sql`${invoices.issuedAt} desc`)
    .as('latest');
  return db
    .select({
      registrationId: registrations.id,
      personId: people.id,
      fullName: people.fullName,
      nameLatin: people.nameLatin,
      gender: people.gender,
      sector: people.sector,
      country: people.country,
      organisation: organisations.name,
      status: registrations.status,
      feeMode: registrations.feeMode,
      sponsorProjectId: registrations.sponsorProjectId,
      sponsorProjectName: projects.name,
      invoiceId: latest.id,
      invoiceNumber: latest.number,
      invoiceStatus: latest.status,
      amount: latest.amount,
      currency: latest.currency,
      dueOn: latest.dueOn,
      paidOn: latest.paidOn,
      paymentReference: latest.paymentReference,
    })
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .leftJoin(organisations, eq(organisations.id, people.employerId))
    .leftJoin(projects, eq(projects.id, registrations.sponsorProjectId))
    .leftJoin(latest, eq(latest.registrationId, registrations.id))
    .where(and(eq(registrations.sessionId, sessionId), sql`(${registrations.status} <> 'cancelled' or ${latest.id} is not null)`))
    .orderBy(sql`case ${registrations.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`, asc(people.fullName), asc(registrations.id));
}

/** What an invoice document shows of the invoice's registrant and association. */
export interface InvoiceParties {
  fullName: string;
  nameLatin: string | null;
  email: string | null;
  organisation: string | null;
  associationName: string;
  associationCountry: string;
  ticketCode: string;
}

export async function findInvoiceParties(db: DbOrTx, invoiceId: string): Promise<InvoiceParties | null> {
  const rows = await db
    .select({
      fullName: people.fullName,
      nameLatin: people.nameLatin,
      email: people.email,
      organisation: organisations.name,
      associationName: associations.name,
      associationCountry: associations.country,
      ticketCode: registrations.ticketCode,
    })
    .from(invoices)
    .innerJoin(registrations, eq(registrations.id, invoices.registrationId))
    .innerJoin(people, eq(people.id, registrations.personId))
    .leftJoin(organisations, eq(organisations.id, people.employerId))
    .innerJoin(associations, eq(associations.id, invoices.associationId))
    .where(eq(invoices.id, invoiceId))
    .limit(1);
  return rows[0] ?? null;
}

/** Issued (unpaid) invoices with their session's last day: what the demo data settles. */
export async function issuedInvoicesWithSession(
  db: DbOrTx,
): Promise<Array<{ id: string; number: string; issuedAt: Date; sessionId: string; lastDay: string; timeZone: string }>> {
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      issuedAt: invoices.issuedAt,
      sessionId: registrations.sessionId,
      lastDay: sql<string>`(select max(${sessionDays.day})::text from ${sessionDays} where ${sessionDays.sessionId} = ${registrations.sessionId})`,
      timeZone: associations.timeZone,
    })
    .from(invoices)
    .innerJoin(registrations, eq(registrations.id, invoices.registrationId))
    .innerJoin(associations, eq(associations.id, invoices.associationId))
    .where(eq(invoices.status, 'issued'))
    .orderBy(asc(invoices.year), asc(invoices.sequence));
}
