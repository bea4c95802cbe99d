import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { pickTranslation } from '../../platform/i18n/translated.js';
import type { Services } from '../../platform/services.js';
import { pageContext, sendPage } from '../../web/server/render.js';
import { listAssociations } from '../associations/repository.js';
import { getPublicCourse } from './get-public-course.js';
import { listPublicCourses } from './list-public-courses.js';
import { CatalogueListPage } from './pages/catalogue-list.js';
import { CoursePage } from './pages/course-page.js';
import type { ListUpcomingSessions } from './upcoming-sessions.js';

const PAGE_SIZE = 20;

export interface CataloguePageOptions extends Services {
  /** Given by the events module; without it the course page shows no sessions list. */
  listUpcomingSessions?: ListUpcomingSessions;
}

const CatalogueQuery = Type.Object({
  association: Type.Optional(Type.String({ maxLength: 100 })),
  sector: Type.Optional(Type.String({ maxLength: 40 })),
  area: Type.Optional(Type.String({ maxLength: 40 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
});

const CourseParams = Type.Object({
  associationSlug: Type.String({ minLength: 1, maxLength: 100 }),
  courseSlug: Type.String({ minLength: 1, maxLength: 100 }),
});

/** The public catalogue: server-rendered pages in the visitor's language, no script needed. */
export async function cataloguePageRoutes(base: FastifyInstance, options: CataloguePageOptions): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = options;

  app.get(
    '/catalogue',
    { config: { access: 'public', html: true }, schema: { hide: true, querystring: CatalogueQuery } },
    async (request, reply) => {
      const { page, ...rest } = request.query;
      const filter = { association: rest.association ?? '', sector: rest.sector ?? '', area: rest.area ?? '', q: rest.q ?? '' };
      const [associations, result] = await Promise.all([
        listAssociations(db),
        listPublicCourses(db, { ...filter, page, pageSize: PAGE_SIZE }),
      ]);
      const ctx = pageContext(request, reply, { csrf: request.auth !== null });
      return sendPage(reply, ctx, {
        title: ctx.tr.t('catalogue.title'),
        body: <CatalogueListPage ctx={ctx} filter={filter} associations={associations} {...result} />,
      });
    },
  );

  app.get(
    '/catalogue/:associationSlug/:courseSlug',
    { config: { access: 'public', html: true }, schema: { hide: true, params: CourseParams } },
    async (request, reply) => {
      const { course, materials } = await getPublicCourse(db, request.params.associationSlug, request.params.courseSlug);
      const sessions = options.listUpcomingSessions ? await options.listUpcomingSessions(course.id, request.tr) : null;
      const ctx = pageContext(request, reply, { csrf: request.auth !== null });
      return sendPage(reply, ctx, {
        title: pickTranslation(course.title, ctx.locale),
        body: <CoursePage ctx={ctx} course={course} materials={materials} sessions={sessions} />,
      });
    },
  );
}
