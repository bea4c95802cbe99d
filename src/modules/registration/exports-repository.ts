import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { projects } from '../events/tables.js';
import { organisations, people, type Gender, type Sector } from '../people/tables.js';
import { registrations, type FeeMode } from './tables.js';

/** What a participant list shows of one confirmed registrant: what staff need to run the training, no more. */
export interface ParticipantRow {
  registrationId: string;
  fullName: string;
  nameLatin: string | null;
  gender: Gender;
  organisation: string | null;
  position: string | null;
  sector: Sector | null;
  country: string | null;
  city: string | null;
  email: string | null;
  feeMode: FeeMode;
  sponsorProjectName: string | null;
  confirmedAt: Date | null;
  createdAt: Date;
  ticketCode: string;
}

export async function confirmedParticipants(db: DbOrTx, sessionId: string): Promise<ParticipantRow[]> {
  return db
    .select({
      registrationId: registrations.id,
      fullName: people.fullName,
      nameLatin: people.nameLatin,
      gender: people.gender,
      organisation: organisations.name,
      position: people.position,
      sector: people.sector,
      country: people.country,
      city: people.city,
      email: people.email,
      feeMode: registrations.feeMode,
      sponsorProjectName: projects.name,
      confirmedAt: registrations.confirmedAt,
      createdAt: registrations.createdAt,
      ticketCode: registrations.ticketCode,
    })
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .leftJoin(organisations, eq(organisations.id, people.employerId))
    .leftJoin(projects, eq(projects.id, registrations.sponsorProjectId))
    .where(and(eq(registrations.sessionId, sessionId), eq(registrations.status, 'confirmed')))
    .orderBy(asc(people.fullName), asc(registrations.id));
}
