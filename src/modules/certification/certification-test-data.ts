import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { makeAssociation, TEST_PASSWORD, type Agent, type TestContext } from '../../../test/app.js';
import { createUser } from '../accounts/create-user.js';
import { addMembership } from '../accounts/repository.js';
import type { Role } from '../accounts/tables.js';
import { outbox } from '../../platform/mail/tables.js';
import type { AssociationRow } from '../associations/repository.js';
import { rainwaterCourse } from '../catalogue/catalogue-test-data.js';
import { sessionDays, trainingSessions } from '../events/tables.js';
import { completions, registrations } from '../registration/tables.js';

/** An association with staff, an assessor, a trainer and two published courses (3 and 5 CPD credits). */
export interface CertificationWorld {
  association: AssociationRow;
  staff: Agent;
  assessor: Agent;
  trainer: Agent;
  courses: { rain: string; waste: string };
}

let counter = 0;

/**
 * A signed-in user, like test/app.ts's signedInAgent, but each signing in from an address of its
 * own: a file that needs many users stays under the sign-in rate limit per address.
 */
export async function signedInAgent(ctx: TestContext, options: { roles?: Array<[string, Role]>; platformAdmin?: boolean } = {}): Promise<Agent> {
  counter += 1;
  const email = `cert${counter}.${Date.now()}@example.org`;
  const user = await createUser(ctx.database.db, { email, displayName: `User ${counter}`, password: TEST_PASSWORD, isPlatformAdmin: options.platformAdmin ?? false });
  for (const [associationId, role] of options.roles ?? []) await addMembership(ctx.database.db, user.id, associationId, role);
  const address = `10.77.${(counter >> 8) & 255}.${counter & 255}`;
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: TEST_PASSWORD }, headers: { 'x-forwarded-for': address } });
  expect(res.statusCode, res.body).toBe(200);
  const cookies: Record<string, string> = {};
  for (const c of res.cookies) cookies[c.name] = c.value;
  const csrfToken = res.json<{ csrfToken: string }>().csrfToken;
  return {
    email,
    userId: user.id,
    cookies,
    csrfToken,
    request: (opts) =>
      ctx.app.inject({
        method: opts.method as 'GET',
        url: opts.url,
        payload: opts.payload as string | object | undefined,
        cookies,
        headers: { 'x-csrf-token': csrfToken, ...opts.headers },
      }),
  };
}

export async function certificationWorld(ctx: TestContext, overrides: Partial<AssociationRow> = {}): Promise<CertificationWorld> {
  const association = await makeAssociation(ctx, overrides);
  const staff = await signedInAgent(ctx, { roles: [[association.id, 'staff']] });
  const assessor = await signedInAgent(ctx, { roles: [[association.id, 'assessor']] });
  const trainer = await signedInAgent(ctx, { roles: [[association.id, 'trainer']] });
  const course = async (code: string, cpdCredits: number) => {
    const res = await staff.request({ method: 'POST', url: '/api/v1/courses', payload: rainwaterCourse(association.id, { code, cpdCredits }) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  return { association, staff, assessor, trainer, courses: { rain: await course('RW', 3), waste: await course('WW', 5) } };
}

/** A unique number prefix, e.g. T7-ENG: prefixes are unique across the deployment. */
export function prefix(base = 'ENG'): string {
  counter += 1;
  return `T${counter}${Date.now().toString(36).toUpperCase().slice(-4)}-${base}`;
}

/** An open scheme with two levels: Engineer (rain course, 5 CPD credits within 3 years, written exam, 3 years, diploma) and Lead Engineer. */
export function schemeInput(world: CertificationWorld, overrides: Record<string, unknown> = {}) {
  return {
    associationId: world.association.id,
    name: { en: 'National certification of consulting engineers', uz: 'Maslahatchi muhandislarni milliy sertifikatlash', ru: 'Национальная сертификация инженеров-консультантов' },
    description: { en: 'The pilot national scheme.' },
    numberPrefix: prefix(),
    validityYears: 3,
    renewalCpdCredits: 6,
    fee: { amount: 500000, currency: 'UZS' },
    status: 'open',
    levels: [
      {
        name: { en: 'Engineer', uz: 'Muhandis', ru: 'Инженер' },
        requirements: [
          { kind: 'courses', courseIds: [world.courses.rain] },
          { kind: 'cpd_credits', credits: 5, windowYears: 3 },
          { kind: 'exam', examName: 'Written exam' },
          { kind: 'experience', years: 3 },
          { kind: 'document', documentType: 'diploma' },
        ],
      },
      {
        name: { en: 'Lead Engineer', uz: 'Yetakchi muhandis', ru: 'Ведущий инженер' },
        requirements: [{ kind: 'experience', years: 10 }],
      },
    ],
    ...overrides,
  };
}

export interface SchemeBody {
  id: string;
  numberPrefix: string;
  levels: Array<{ id: string; name: Record<string, string>; requirements: Array<{ id: string; kind: string }> }>;
}

export async function createScheme(world: CertificationWorld, overrides: Record<string, unknown> = {}): Promise<SchemeBody> {
  const res = await world.staff.request({ method: 'POST', url: '/api/v1/schemes', payload: schemeInput(world, overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<SchemeBody>();
}

/**
 * Records that a person completed a session of the course that ended `endedAt`: a session with one
 * day, a confirmed registration and a completion record, as the registration module keeps them.
 */
export async function recordCompletion(ctx: TestContext, associationId: string, personId: string, courseId: string, endedAt: Date): Promise<void> {
  const db = ctx.database.db;
  const [session] = await db
    .insert(trainingSessions)
    .values({ associationId, courseId, slug: `s-${crypto.randomUUID()}`, timeZone: 'Asia/Tashkent', language: 'uz', capacity: 30, status: 'published' })
    .returning({ id: trainingSessions.id });
  await db.insert(sessionDays).values({
    sessionId: session!.id,
    day: endedAt.toISOString().slice(0, 10),
    startsAt: new Date(endedAt.getTime() - 8 * 3600_000),
    endsAt: endedAt,
  });
  const [registration] = await db
    .insert(registrations)
    .values({
      associationId,
      sessionId: session!.id,
      personId,
      status: 'confirmed',
      ticketCode: crypto.randomBytes(4).toString('hex').toUpperCase(),
      cancelTokenHash: crypto.randomBytes(16).toString('hex'),
      locale: 'uz',
      source: 'staff',
      feeMode: 'free',
    })
    .returning({ id: registrations.id });
  await db.insert(completions).values({ registrationId: registration!.id, completed: true, attendancePercent: 100, verificationCode: crypto.randomBytes(10).toString('hex') });
}

export interface OutboxMail {
  toAddress: string;
  locale: string;
  template: string;
  subject: string;
  textBody: string;
}

/** The mails queued to an address (optionally of one template), oldest first. */
export async function mailsTo(ctx: TestContext, to: string, template?: string): Promise<OutboxMail[]> {
  const rows = await ctx.database.db
    .select({ toAddress: outbox.toAddress, locale: outbox.locale, template: outbox.template, subject: outbox.subject, textBody: outbox.textBody, createdAt: outbox.createdAt })
    .from(outbox)
    .where(and(eq(outbox.toAddress, to), template ? eq(outbox.template, template) : undefined))
    .orderBy(outbox.createdAt);
  return rows;
}

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201d6a3c2b90000000049454e44ae426082',
  'hex',
);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** A multipart body with a document type and a file, as a browser form sends it. */
export function documentUpload(documentType: string, fileName: string, content: Buffer, contentType = 'application/pdf') {
  const boundary = `----usta${crypto.randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="documentType"\r\n\r\n${documentType}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** An engineer's (by default a new one's) application for a level, submitted and approved with every requirement ticked by the world's assessor. */
export async function approvedApplication(
  ctx: TestContext,
  world: CertificationWorld,
  levelId: string,
  applicant: { fullName: string; nameLatin: string | null; experienceYears?: number; engineer?: Agent },
): Promise<{ engineer: Agent; id: string }> {
  const { engineer = await signedInAgent(ctx), experienceYears = 12, fullName, nameLatin } = applicant;
  const created = await engineer.request({ method: 'POST', url: '/api/v1/applications', payload: { levelId, experienceYears, fullName, nameLatin } });
  expect(created.statusCode, created.body).toBe(201);
  const { id, requirements } = created.json<{ id: string; requirements: Array<{ id: string }> }>();
  const base = `/api/v1/applications/${id}`;
  await engineer.request({ method: 'POST', url: `${base}/submit`, payload: {} });
  await world.assessor.request({ method: 'POST', url: `${base}/review`, payload: {} });
  for (const r of requirements) await world.assessor.request({ method: 'PUT', url: `${base}/checklist/${r.id}`, payload: { met: true } });
  expect((await world.assessor.request({ method: 'POST', url: `${base}/approve`, payload: {} })).json<{ status: string }>().status).toBe('approved');
  return { engineer, id };
}
