import { randomToken, tokenHash } from '../../platform/auth/secrets.js';
import type { DbOrTx } from '../../db/client.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { courses } from '../catalogue/tables.js';
import { zonedToInstant } from '../events/session-times.js';
import { projects, sessionDays, sessionTrainers, trainingSessions } from '../events/tables.js';
import { people } from '../people/tables.js';
import { searchKeyOf } from '../people/name-skeleton.js';
import { registrations, type RegistrationStatus } from './tables.js';
import { newTicketCode } from './ticket-code.js';

/** Tests of attendance and completion build their sessions here, straight into the tables. */

let counter = 0;

export interface SessionOptions {
  days: string[];
  timeZone?: string;
  language?: string;
  city?: string | null;
  minAttendancePercent?: number;
  requiresFinalTest?: boolean;
  minTestScore?: number | null;
  projectId?: string | null;
  title?: Translated;
  hours?: number;
  cpdCredits?: number;
  status?: 'draft' | 'published' | 'cancelled';
}

export interface SeededSession {
  sessionId: string;
  associationId: string;
  days: Array<{ id: string; day: string }>;
}

export async function seedSession(db: DbOrTx, associationId: string, options: SessionOptions): Promise<SeededSession> {
  counter += 1;
  const zone = options.timeZone ?? 'Asia/Tashkent';
  const [course] = await db
    .insert(courses)
    .values({
      associationId,
      code: `T-${counter}`,
      slug: `course-${counter}-${Date.now()}`,
      title: options.title ?? {
        en: 'Green solutions for sustainable rainwater management',
        uz: 'Barqaror yomgʻir suvini boshqarish uchun yashil yechimlar',
        lv: 'Zaļie risinājumi ilgtspējīgai lietusūdens apsaimniekošanai',
        ru: 'Зелёные решения для устойчивого управления дождевыми водами',
      },
      hours: options.hours ?? 24,
      cpdCredits: options.cpdCredits ?? 3,
      status: 'published',
    })
    .returning({ id: courses.id });
  const [session] = await db
    .insert(trainingSessions)
    .values({
      associationId,
      courseId: course!.id,
      projectId: options.projectId ?? null,
      slug: `session-${counter}-${Date.now()}`,
      city: options.city === undefined ? 'Tashkent' : options.city,
      country: 'UZ',
      venue: 'Hotel Uzbekistan',
      timeZone: zone,
      language: options.language ?? 'uz',
      capacity: 100_000,
      minAttendancePercent: options.minAttendancePercent ?? 80,
      requiresFinalTest: options.requiresFinalTest ?? false,
      minTestScore: options.minTestScore ?? null,
      status: options.status ?? 'published',
    })
    .returning({ id: trainingSessions.id });
  const days = options.days.length
    ? await db
        .insert(sessionDays)
        .values(options.days.map((day) => ({ sessionId: session!.id, day, startsAt: zonedToInstant(day, '09:00', zone)!, endsAt: zonedToInstant(day, '17:00', zone)! })))
        .returning({ id: sessionDays.id, day: sessionDays.day })
    : [];
  days.sort((a, b) => a.day.localeCompare(b.day));
  return { sessionId: session!.id, associationId, days };
}

export async function seedProject(db: DbOrTx, associationId: string, acknowledgement: Translated): Promise<string> {
  const [row] = await db.insert(projects).values({ associationId, name: 'ENGINE', donor: 'European Union', acknowledgement }).returning({ id: projects.id });
  return row!.id;
}

export interface RegistrantOptions {
  fullName: string;
  nameLatin?: string | null;
  email?: string | null;
  status?: RegistrationStatus;
  locale?: string;
}

export interface SeededRegistrant {
  registrationId: string;
  personId: string;
  ticketCode: string;
  /** The ticket's secret, as the confirmation mail carries it. */
  secret: string;
}

export async function seedRegistrant(db: DbOrTx, session: SeededSession, options: RegistrantOptions): Promise<SeededRegistrant> {
  const [person] = await db
    .insert(people)
    .values({
      associationId: session.associationId,
      fullName: options.fullName,
      nameLatin: options.nameLatin ?? null,
      email: options.email === undefined ? `p${++counter}.${Date.now()}@example.org` : options.email,
      searchKey: searchKeyOf(options.fullName, options.nameLatin),
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
      feeMode: 'free',
      confirmedAt: status === 'confirmed' ? new Date() : null,
      waitlistedAt: status === 'waitlisted' ? new Date() : null,
      cancelledAt: status === 'cancelled' ? new Date() : null,
    })
    .returning({ id: registrations.id, ticketCode: registrations.ticketCode });
  return { registrationId: registration!.id, personId: person!.id, ticketCode: registration!.ticketCode, secret };
}

export async function addTrainer(db: DbOrTx, sessionId: string, personId: string): Promise<void> {
  await db.insert(sessionTrainers).values({ sessionId, personId });
}
