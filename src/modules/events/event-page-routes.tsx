import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import type { Services } from '../../platform/services.js';
import { pageContext, sendPage } from '../../web/server/render.js';
import { listUpcomingPublishedEvents, findEventBySlug } from './events-repository.js';
import { withListFacts } from './list-sessions.js';
import { listUpcomingStandaloneSessions } from './list-upcoming-sessions.js';
import { EventPage } from './pages/event-page.js';
import { EventsPage } from './pages/events-page.js';
import { acknowledgementOf } from './session-links.js';
import { listPublishedOfEvent } from './sessions-repository.js';

const page = { access: 'public', html: true } as const;
const Slug = Type.String({ minLength: 1, maxLength: 120 });

/** Public pages of events: server-rendered, no script. */
export async function eventPageRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;

  app.get('/events', { config: page, schema: { hide: true } }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const [events, sessions] = await Promise.all([listUpcomingPublishedEvents(db, 100), listUpcomingStandaloneSessions(db)]);
    return sendPage(reply, ctx, { title: ctx.tr.t('events.page.events_title'), body: <EventsPage ctx={ctx} events={events} sessions={sessions} /> });
  });

  app.get(
    '/events/:associationSlug/:eventSlug',
    { config: page, schema: { hide: true, params: Type.Object({ associationSlug: Slug, eventSlug: Slug }) } },
    async (request, reply) => {
      const event = await findEventBySlug(db, request.params.associationSlug, request.params.eventSlug);
      if (!event || event.status === 'draft') throw new AppError('not_found', { values: { what: 'event' } });
      const ctx = pageContext(request, reply);
      const [sessions, acknowledgement] = await Promise.all([
        listPublishedOfEvent(db, event.id).then((rows) => withListFacts(db, rows)),
        acknowledgementOf(db, event.projectId, ctx.locale),
      ]);
      return sendPage(reply, ctx, {
        title: pickTranslation(event.title, ctx.locale),
        body: <EventPage ctx={ctx} event={event} sessions={sessions} acknowledgement={acknowledgement} />,
      });
    },
  );
}
