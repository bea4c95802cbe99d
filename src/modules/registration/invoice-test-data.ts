import { randomToken, tokenHash } from '../../platform/auth/secrets.js';
import type { DbOrTx } from '../../db/client.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { courses } from '../catalogue/tables.js';
import { zonedToInstant } from '../events/session-times.js';
import { projects, sessionDays, trainingSessions } from '../events/tables.js';
import { searchKeyOf } from '../people/name-skeleton.js';
import { organisations, people, type Gender, type Sector } from '../people/tables.js';
import { registrations, type FeeMode, type RegistrationStatus } from './tables.js';
import { newTicketCode } from './ticket-code.js';

/** Tests of fees, invoices and exports build their sessions and registrants here, straight into the tables. */

let counter = 0;

export interface PricedSessionOptions {
  /** YYYY-MM-DD, on the clocks of `timeZone`. */
  days: string[];
  price?: { amount: number; currency: string } | null;
  timeZone?: string;
  projectId?: string | null;
  city?: string;
  title?: Translated;
  capacity?: number;
}

export interface SeededSession {
  sessionId: string;
  associationId: string;
  days: Array<{ id: string; day: string }>;
}

export async function seedPricedSession(db: DbOrTx, associationId: string, options: PricedSessionOptions): Promise<SeededSession> {
  counter += 1;
  const zone = options.timeZone ?? 'Asia/Tashkent';
  const price = options.price === undefined ? { amount: 1_500_000, currency: 'UZS' } : options.price;
  const [course] = await db
    .insert(courses)
    .values({
      associationId,
      code: `F-${counter}`,
      slug: `fees-course-${counter}-${Date.now()}`,
      title: options.title ?? {
        en: 'Industrial wastewater',
        ru: 'Промышленные сточные воды',
        uz: 'Sanoat oqova suvlari',
        kk: 'Өнеркәсіптік ағынды сулар',
        lv: 'Rūpnieciskie notekūdeņi',
      },
      hours: 16,
      status: 'published',
    })
    .returning({ id: courses.id });
  const [session] = await db
    .insert(trainingSessions)
    .values({
      associationId,
      courseId: course!.id,
      projectId: options.projectId ?? null,
      slug: `fees-session-${counter}-${Date.now()}`,
      city: options.city ?? 'Tashkent',
      country: 'UZ',
      venue: 'Hotel Uzbekistan',
      timeZone: zone,
      language: 'ru',
      capacity: options.capacity ?? 100_000,
      priceAmount: price?.amount ?? null,
      priceCurrency: price?.currency ?? null,
      status: 'published',
    })
    .returning({ id: trainingSessions.id });
  const days = await db
    .insert(sessionDays)
    .values(options.days.map((day) => ({ sessionId: session!.id, day, startsAt: zonedToInstant(day, '09:00', zone)!, endsAt: zonedToInstant(day, '17:00', zone)! })))
    .returning({ id: sessionDays.id, day: sessionDays.day });
  days.sort((a, b) => a.day.localeCompare(b.day));
  return { sessionId: session!.id, associationId, days };
}

export async function seedFeeProject(db: DbOrTx, associationId: string, name = 'ENGINE', acknowledgement: Translated = {}): Promise<string> {
  const [row] = await db.insert(projects).values({ associationId, name, donor: 'European Union', acknowledgement }).returning({ id: projects.id });
  return row!.id;
}

export interface PayerOptions {
  fullName: string;
  nameLatin?: string | null;
  email?: string | null;
  status?: RegistrationStatus;
  feeMode?: FeeMode;
  sponsorProjectId?: string | null;
  locale?: string;
  gender?: Gender;
  sector?: Sector | null;
  country?: string | null;
  city?: string | null;
  organisation?: string | null;
  position?: string | null;
  birthDate?: string | null;
}

export interface SeededPayer {
  registrationId: string;
  personId: string;
  ticketCode: string;
  /** The ticket's secret, as the confirmation mail carries it. */
  secret: string;
}

export async function seedPayer(db: DbOrTx, session: SeededSession, options: PayerOptions): Promise<SeededPayer> {
  counter += 1;
  let employerId: string | null = null;
  if (options.organisation) {
    const [organisation] = await db
      .insert(organisations)
      .values({ associationId: session.associationId, name: options.organisation, searchKey: searchKeyOf(options.organisation, null) })
      .returning({ id: organisations.id });
    employerId = organisation!.id;
  }
  const [person] = await db
    .insert(people)
    .values({
      associationId: session.associationId,
      fullName: options.fullName,
      nameLatin: options.nameLatin ?? null,
      email: options.email === undefined ? `payer${counter}.${Date.now()}@example.org` : options.email,
      gender: options.gender ?? 'not_stated',
      sector: options.sector ?? null,
      country: options.country ?? null,
      city: options.city ?? null,
      position: options.position ?? null,
      birthDate: options.birthDate ?? null,
      employerId,
      searchKey: searchKeyOf(options.fullName, options.nameLatin ?? null),
    })
    .returning({ id: people.id });
  const secret = randomToken();
  const status = options.status ?? 'confirmed';
  const [registration] = await db
    .insert(registrations)
    .values({
      associationId: session.associationId,
      sessionId: session.sessionId,
      personId: person!.id,
      status,
      ticketCode: newTicketCode(),
      cancelTokenHash: tokenHash(secret),
      locale: options.locale ?? 'en',
      source: 'staff',
      feeMode: options.feeMode ?? 'invoice',
      sponsorProjectId: options.sponsorProjectId ?? null,
      confirmedAt: status === 'confirmed' ? new Date() : null,
      waitlistedAt: status === 'waitlisted' ? new Date() : null,
      cancelledAt: status === 'cancelled' ? new Date() : null,
    })
    .returning({ id: registrations.id, ticketCode: registrations.ticketCode });
  return { registrationId: registration!.id, personId: person!.id, ticketCode: registration!.ticketCode, secret };
}
