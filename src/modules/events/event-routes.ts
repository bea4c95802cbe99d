import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Services } from '../../platform/services.js';
import { cancelEvent } from './cancel-event.js';
import { cancelSession } from './cancel-session.js';
import { createEvent, type CreateEventOptions } from './create-event.js';
import { createSession, type CreateSessionOptions } from './create-session.js';
import { deleteEvent } from './delete-event.js';
import { deleteSession } from './delete-session.js';
import { eventPageRoutes } from './event-page-routes.js';
import {
  EventInput,
  EventListQuery,
  EventPatch,
  EventSummary,
  EventWithSessions,
  IdParams,
  pageOf,
  ReasonBody,
  Session,
  SessionInput,
  SessionListQuery,
  SessionPatch,
  SessionSummary,
  type EventListQueryType,
  type EventPatchBody,
  type SessionListQueryType,
  type SessionPatchBody,
} from './event-schemas.js';
import { eventView, sessionSummaryView, sessionView } from './event-views.js';
import type { EventDetail } from './get-event.js';
import { getEvent } from './get-event.js';
import { getSession } from './get-session.js';
import { listEvents } from './list-events.js';
import { listSessions } from './list-sessions.js';
import { publishEvent } from './publish-event.js';
import { publishSession } from './publish-session.js';
import { updateEvent } from './update-event.js';
import { updateSession } from './update-session.js';

const eventTags = ['events'];
const sessionTags = ['sessions'];
const errors = errorResponses(400, 401, 403, 404);
const changeErrors = { ...errors, ...errorResponses(409) };

const eventWithSessions = (e: EventDetail) => ({ ...eventView(e), sessions: e.sessions.map(sessionSummaryView) });

/** Events and sessions for staff (JSON), then the public pages. */
export async function eventRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, messages, config } = services;
  const sessionServices = { messages, publicUrl: config.publicUrl };
  const signedIn = { access: 'signed_in' } as const;

  app.get(
    '/api/v1/events',
    { config: signedIn, schema: { tags: eventTags, summary: 'Events of the associations you work in, latest first', querystring: EventListQuery, response: { 200: pageOf(EventSummary), ...errors } } },
    async (request) => {
      const page = await listEvents(db, { actor: request.auth, ...(request.query as EventListQueryType) });
      return { ...page, items: page.items.map(eventView) };
    },
  );

  app.post(
    '/api/v1/events',
    { config: signedIn, schema: { tags: eventTags, summary: 'Create an event (a training week, a forum…), in draft', body: EventInput, response: { 201: EventWithSessions, ...changeErrors } } },
    async (request, reply) => {
      const event = await createEvent(db, { actor: request.auth, input: request.body as CreateEventOptions['input'] });
      return reply.code(201).send(eventWithSessions(event));
    },
  );

  app.get(
    '/api/v1/events/:id',
    { config: signedIn, schema: { tags: eventTags, summary: 'An event with its sessions', params: IdParams, response: { 200: EventWithSessions, ...errors } } },
    async (request) => eventWithSessions(await getEvent(db, { actor: request.auth, id: request.params.id })),
  );

  app.patch(
    '/api/v1/events/:id',
    { config: signedIn, schema: { tags: eventTags, summary: 'Change some of an event’s fields', params: IdParams, body: EventPatch, response: { 200: EventWithSessions, ...changeErrors } } },
    async (request) => eventWithSessions(await updateEvent(db, { actor: request.auth, id: request.params.id, input: request.body as EventPatchBody })),
  );

  app.post(
    '/api/v1/events/:id/publish',
    { config: signedIn, schema: { tags: eventTags, summary: 'List the event on the public events page', params: IdParams, response: { 200: EventWithSessions, ...changeErrors } } },
    async (request) => eventWithSessions(await publishEvent(db, { actor: request.auth, id: request.params.id })),
  );

  app.post(
    '/api/v1/events/:id/cancel',
    {
      config: signedIn,
      schema: { tags: eventTags, summary: 'Cancel the event and each of its sessions; every registrant is mailed', params: IdParams, body: ReasonBody, response: { 200: EventWithSessions, ...changeErrors } },
    },
    async (request) => eventWithSessions(await cancelEvent(db, messages, { actor: request.auth, id: request.params.id, reason: request.body.reason })),
  );

  app.delete(
    '/api/v1/events/:id',
    { config: signedIn, schema: { tags: eventTags, summary: 'Delete an event without sessions (otherwise 409: cancel it)', params: IdParams, response: { 204: Type.Null(), ...changeErrors } } },
    async (request, reply) => {
      await deleteEvent(db, { actor: request.auth, id: request.params.id });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/sessions',
    { config: signedIn, schema: { tags: sessionTags, summary: 'Sessions of the associations you work in, soonest first', querystring: SessionListQuery, response: { 200: pageOf(SessionSummary), ...errors } } },
    async (request) => {
      const page = await listSessions(db, { actor: request.auth, ...(request.query as SessionListQueryType) });
      return { ...page, items: page.items.map(sessionSummaryView) };
    },
  );

  app.post(
    '/api/v1/sessions',
    {
      config: signedIn,
      schema: { tags: sessionTags, summary: 'Create a session of a course, in draft: days, trainers, partners, guests, capacity, window, price', body: SessionInput, response: { 201: Session, ...changeErrors } },
    },
    async (request, reply) => {
      const session = await createSession(db, { actor: request.auth, input: request.body as CreateSessionOptions['input'] });
      return reply.code(201).send(sessionView(session));
    },
  );

  app.get(
    '/api/v1/sessions/:id',
    { config: signedIn, schema: { tags: sessionTags, summary: 'A session, with its seats taken', params: IdParams, response: { 200: Session, ...errors } } },
    async (request) => sessionView(await getSession(db, { actor: request.auth, id: request.params.id })),
  );

  app.patch(
    '/api/v1/sessions/:id',
    {
      config: signedIn,
      schema: {
        tags: sessionTags,
        summary: 'Change some of a session’s fields; lists sent replace the old ones; more capacity promotes from the waitlist',
        params: IdParams,
        body: SessionPatch,
        response: { 200: Session, ...changeErrors },
      },
    },
    async (request) =>
      sessionView(await updateSession(db, sessionServices, { actor: request.auth, id: request.params.id, input: request.body as SessionPatchBody })),
  );

  app.post(
    '/api/v1/sessions/:id/publish',
    { config: signedIn, schema: { tags: sessionTags, summary: 'Publish the session: public page and registration', params: IdParams, response: { 200: Session, ...changeErrors } } },
    async (request) => sessionView(await publishSession(db, { actor: request.auth, id: request.params.id })),
  );

  app.post(
    '/api/v1/sessions/:id/cancel',
    {
      config: signedIn,
      schema: { tags: sessionTags, summary: 'Cancel the session (kept, never deleted); every registrant is mailed in their language', params: IdParams, body: ReasonBody, response: { 200: Session, ...changeErrors } },
    },
    async (request) => sessionView(await cancelSession(db, messages, { actor: request.auth, id: request.params.id, reason: request.body.reason })),
  );

  app.delete(
    '/api/v1/sessions/:id',
    {
      config: signedIn,
      schema: { tags: sessionTags, summary: 'Delete a session nobody registered for (otherwise 409: cancel it)', params: IdParams, response: { 204: Type.Null(), ...changeErrors } },
    },
    async (request, reply) => {
      await deleteSession(db, { actor: request.auth, id: request.params.id });
      return reply.code(204).send(null);
    },
  );

  await app.register(eventPageRoutes, services);
}
