import type { Locale } from '../config.js';
import type { Tx } from '../db/client.js';
import { insertEvent, updateEventRow } from '../modules/events/events-repository.js';
import { loadSessionFacts } from '../modules/events/get-session.js';
import { findProject, insertProject, listPartners, replacePartners as replaceProjectPartners } from '../modules/events/projects-repository.js';
import { zonedToInstant } from '../modules/events/session-times.js';
import { insertSession, lockSession, replaceDays, replaceGuests, replacePartners, replaceTrainers, updateSessionRow } from '../modules/events/sessions-repository.js';
import { findOrCreatePerson } from '../modules/people/find-or-create-person.js';
import { searchKeyOf } from '../modules/people/name-skeleton.js';
import { insertOrganisation, organisationKeysOf } from '../modules/people/organisations-repository.js';
import { placeRegistration } from '../modules/registration/place-registration.js';
import { Messages } from '../platform/i18n/catalogue.js';
import type { DemoCatalogue } from './demo-catalogue.js';
import { DEMO_EVENTS, EMPLOYERS, PARTICIPANTS, SECTORS_OF, TRAINERS, type DemoEvent } from './demo-events-data.js';

type AssociationKey = 'uz' | 'kz';

export interface DemoEventsSummary {
  events: number;
  sessions: number;
  registrations: number;
}

const DAY = 86_400_000;

/** The Monday on or before the day `offset` days from `now`, as YYYY-MM-DD. */
function mondayFrom(now: Date, offset: number): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offset * DAY);
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The Kazakh sessions run under the same EU project; projects belong to one association, so the
 * Kazakh association gets its own record of it, with the same name, agreement and acknowledgement.
 */
async function projectFor(tx: Tx, association: AssociationKey, associationId: string, leadProjectId: string): Promise<string> {
  if (association === 'uz') return leadProjectId;
  const lead = (await findProject(tx, leadProjectId))!;
  const projectId = await insertProject(tx, associationId, {
    name: `${lead.name} (Kazakhstan)`,
    donor: lead.donor,
    programme: lead.programme,
    agreementNumber: lead.agreementNumber,
    startsOn: lead.startsOn,
    endsOn: lead.endsOn,
    acknowledgement: lead.acknowledgement,
  });
  // The same partners, as organisations of the Kazakh register (found by name, or added).
  const known = await organisationKeysOf(tx, associationId);
  const partners = [];
  for (const partner of await listPartners(tx, [leadProjectId])) {
    if (partner.country === 'UZ') continue;
    const found = known.find((o) => o.name === partner.name);
    const organisationId =
      found?.id ??
      (await insertOrganisation(tx, associationId, {
        name: partner.name,
        nameLatin: partner.nameLatin,
        kind: 'university',
        country: partner.country,
        city: null,
        website: null,
        email: null,
        phone: null,
        searchKey: searchKeyOf(partner.name, partner.nameLatin),
      }));
    partners.push({ organisationId, role: partner.role });
  }
  await replaceProjectPartners(tx, projectId, partners);
  return projectId;
}

async function publish(tx: Tx, what: 'event' | 'session', id: string): Promise<void> {
  if (what === 'event') await updateEventRow(tx, id, { status: 'published' });
  else await updateSessionRow(tx, id, { status: 'published' });
}

/** The project's partners that are not official bodies (those come as guests). */
async function partnerOrganisations(tx: Tx, projectId: string): Promise<string[]> {
  return (await listPartners(tx, [projectId])).filter((p) => p.role !== 'associated').map((p) => p.organisationId);
}

/** The participants of an association, written once and shared by its sessions. */
async function participants(tx: Tx, association: AssociationKey, associationId: string): Promise<Array<{ id: string; fullName: string; email: string | null }>> {
  const out = [];
  for (const [i, [fullName, nameLatin, gender]] of PARTICIPANTS[association].entries()) {
    const latin = (nameLatin ?? fullName).toLowerCase().replace(/[ʻʼ']/g, '').normalize('NFKD').replace(/[^a-z ]/g, '');
    const [surname = 'x', given = 'y'] = latin.split(' ');
    const { person } = await findOrCreatePerson(tx, {
      associationId,
      input: {
        fullName,
        nameLatin,
        gender: gender === 'f' ? 'female' : 'male',
        country: association.toUpperCase(),
        sector: SECTORS_OF[i % 2 === 0 ? 'rainwater' : 'wastewater'][i % 4]!,
        email: `${given}.${surname}${i}@engine-demo.example.${association}`,
        emailConsent: i % 3 === 0,
        registryConsent: i % 4 === 0,
      },
      employerName: EMPLOYERS[association][i % EMPLOYERS[association].length]!,
    });
    out.push(person);
  }
  return out;
}

async function trainers(tx: Tx, association: AssociationKey, associationId: string) {
  const out: Array<{ personId: string; role: string; course: 'rainwater' | 'wastewater' | 'both' }> = [];
  for (const t of TRAINERS[association]) {
    const [fullName, nameLatin, gender] = t.name;
    const { person } = await findOrCreatePerson(tx, { associationId, input: { fullName, nameLatin, gender: gender === 'f' ? 'female' : 'male', email: t.email } });
    out.push({ personId: person.id, role: t.role, course: t.course });
  }
  return out;
}

/**
 * The ENGINE training weeks: Tashkent (past), Shymkent (past) and Nur-Sultan (upcoming, open for
 * registration), each with the two pilot courses, trainers from European partners and local
 * experts, officials at the opening, and 20–40 participants per session — most sponsored by the
 * project, some paying by invoice. Dates are set from today so the past stays past. Runs inside
 * the demo's transaction; nobody is mailed.
 */
export async function seedDemoEvents(tx: Tx, associationIds: ReadonlyMap<string, string>, catalogue: DemoCatalogue, now = new Date()): Promise<DemoEventsSummary> {
  const messages = new Messages();
  const summary: DemoEventsSummary = { events: 0, sessions: 0, registrations: 0 };
  const people = new Map<AssociationKey, Awaited<ReturnType<typeof participants>>>();
  const teachers = new Map<AssociationKey, Awaited<ReturnType<typeof trainers>>>();
  const projects = new Map<AssociationKey, string>();

  for (const event of DEMO_EVENTS) {
    const associationId = associationIds.get(event.association);
    const courses = catalogue.courses.get(event.association);
    if (!associationId || !courses) continue;
    if (!people.has(event.association)) {
      people.set(event.association, await participants(tx, event.association, associationId));
      teachers.set(event.association, await trainers(tx, event.association, associationId));
      projects.set(event.association, await projectFor(tx, event.association, associationId, catalogue.projectId));
    }
    const monday = mondayFrom(now, event.startsInDays);
    const projectId = projects.get(event.association)!;
    const eventId = await insertEvent(tx, {
      associationId,
      projectId,
      slug: `engine-week-${event.key}-${monday.getUTCFullYear()}`,
      kind: 'training_week',
      title: event.title,
      description: event.description,
      city: event.city,
      country: event.country,
      startsOn: isoDay(monday),
      endsOn: isoDay(new Date(monday.getTime() + 4 * DAY)),
      timeZone: event.timeZone,
    });
    await publish(tx, 'event', eventId);
    summary.events += 1;
    for (const [index, plan] of event.sessions.entries()) {
      const courseId = courses.get(plan.course);
      if (!courseId) continue;
      summary.registrations += await seedSession(tx, messages, { event, eventId, associationId, projectId, courseId, monday, index, now, people: people.get(event.association)!, trainers: teachers.get(event.association)! });
      summary.sessions += 1;
    }
  }
  return summary;
}

interface SessionSeed {
  event: DemoEvent;
  eventId: string;
  associationId: string;
  projectId: string;
  courseId: string;
  monday: Date;
  index: number;
  now: Date;
  people: Array<{ id: string; fullName: string; email: string | null }>;
  trainers: Array<{ personId: string; role: string; course: 'rainwater' | 'wastewater' | 'both' }>;
}

async function seedSession(tx: Tx, messages: Messages, seed: SessionSeed): Promise<number> {
  const { event, monday } = seed;
  const plan = event.sessions[seed.index]!;
  const days = plan.days.map(([offset, start, end]) => {
    const day = isoDay(new Date(monday.getTime() + offset * DAY));
    return { day, startsAt: zonedToInstant(day, start, event.timeZone)!, endsAt: zonedToInstant(day, end, event.timeZone)! };
  });
  const opensAt = new Date(days[0]!.startsAt.getTime() - 45 * DAY);
  const sessionId = await insertSession(tx, {
    associationId: seed.associationId,
    eventId: seed.eventId,
    courseId: seed.courseId,
    projectId: seed.projectId,
    slug: `${plan.course}-${event.key}-${days[0]!.day}`,
    city: event.city,
    country: event.country,
    venue: event.venue,
    timeZone: event.timeZone,
    format: 'in_person',
    onlineUrl: null,
    language: plan.language,
    capacity: plan.capacity,
    registrationOpensAt: opensAt,
    registrationClosesAt: null,
    priceAmount: plan.price?.amount ?? null,
    priceCurrency: plan.price?.currency ?? null,
    minAttendancePercent: 80,
    requiresFinalTest: plan.course === 'wastewater',
    minTestScore: plan.course === 'wastewater' ? 60 : null,
  });
  await replaceDays(tx, sessionId, days);
  await replaceTrainers(tx, sessionId, seed.trainers.filter((t) => t.course === 'both' || t.course === plan.course).map(({ personId, role }) => ({ personId, role })));
  await replaceGuests(tx, sessionId, seed.index === 0 ? event.guests.map((g) => ({ ...g, personId: null })) : []);
  const partnerIds = await partnerOrganisations(tx, seed.projectId);
  await replacePartners(tx, sessionId, partnerIds.map((organisationId) => ({ organisationId, role: 'partner' })));
  await publish(tx, 'session', sessionId);

  const session = (await lockSession(tx, sessionId))!;
  const facts = (await loadSessionFacts(tx, sessionId))!;
  // Each session takes its own slice of the participants, so people attend one or two sessions of the week.
  const start = (seed.index * 17) % seed.people.length;
  const chosen = Array.from({ length: plan.registered }, (_, k) => seed.people[(start + k) % seed.people.length]!);
  const locale: Locale = event.association === 'uz' ? 'uz' : 'ru';
  let confirmed = 0;
  let waitlisted = 0;
  for (const [k, person] of chosen.entries()) {
    const at = new Date(Math.min(seed.now.getTime(), opensAt.getTime() + (k + 1) * 9 * 3_600_000));
    const invoice = plan.price !== null && plan.invoiceEvery > 0 && k % plan.invoiceEvery === plan.invoiceEvery - 1;
    const placed = await placeRegistration(tx, {
      messages,
      publicUrl: '',
      session,
      facts,
      confirmed,
      waitlisted,
      person,
      idempotencyKey: null,
      idempotencyKeyHash: null,
      locale: k % 5 === 4 ? 'en' : locale,
      source: k % 3 === 0 ? 'staff' : 'public',
      fee: plan.price === null ? { feeMode: 'free', sponsorProjectId: null } : invoice ? { feeMode: 'invoice', sponsorProjectId: null } : { feeMode: 'sponsored', sponsorProjectId: seed.projectId },
      at,
      mail: false,
    });
    if (placed.registration.status === 'confirmed') confirmed += 1;
    else waitlisted += 1;
  }
  return chosen.length;
}
