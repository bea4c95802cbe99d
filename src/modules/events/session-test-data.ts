import { expect } from 'vitest';
import { makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import type { AssociationRow } from '../associations/repository.js';
import { rainwaterCourse } from '../catalogue/catalogue-test-data.js';

/** A week from now at the given day offset, as YYYY-MM-DD (sessions in tests are in the future unless said). */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A complete session as staff would enter it: two days in Tashkent, 20 seats, free. */
export function sessionInput(associationId: string, courseId: string, overrides: Record<string, unknown> = {}) {
  return {
    associationId,
    courseId,
    city: 'Toshkent',
    country: 'UZ',
    venue: 'Inha University, Room 301',
    timeZone: 'Asia/Tashkent',
    format: 'in_person',
    language: 'uz',
    capacity: 20,
    days: [
      { date: dayFromNow(30), start: '09:00', end: '17:00' },
      { date: dayFromNow(31), start: '09:30', end: '13:00' },
    ],
    ...overrides,
  };
}

export interface SessionWorld {
  association: AssociationRow;
  staff: Agent;
  courseId: string;
}

/** An association with a staff member and a published course, ready for sessions. */
export async function sessionWorld(ctx: TestContext, associationOverrides: Partial<AssociationRow> = {}): Promise<SessionWorld> {
  const association = await makeAssociation(ctx, associationOverrides);
  const staff = await signedInAgent(ctx, { roles: [[association.id, 'staff']] });
  const course = await staff.request({ method: 'POST', url: '/api/v1/courses', payload: rainwaterCourse(association.id, { code: `RW-${association.id.slice(0, 6)}` }) });
  expect(course.statusCode, course.body).toBe(201);
  return { association, staff, courseId: course.json<{ id: string }>().id };
}

export interface CreatedSession {
  id: string;
  slug: string;
  publicPath: string;
  status: string;
  [key: string]: unknown;
}

/** Creates (and by default publishes) a session through the API. */
export async function createSessionVia(world: SessionWorld, overrides: Record<string, unknown> = {}, publish = true): Promise<CreatedSession> {
  const created = await world.staff.request({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: sessionInput(world.association.id, world.courseId, overrides),
  });
  expect(created.statusCode, created.body).toBe(201);
  const session = created.json<CreatedSession>();
  if (!publish) return session;
  const published = await world.staff.request({ method: 'POST', url: `/api/v1/sessions/${session.id}/publish` });
  expect(published.statusCode, published.body).toBe(200);
  return published.json<CreatedSession>();
}
