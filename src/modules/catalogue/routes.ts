import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Services } from '../../platform/services.js';
import { createCourse } from './create-course.js';
import { createProgramme } from './create-programme.js';
import { getCourse, type CourseView } from './get-course.js';
import { getProgramme } from './get-programme.js';
import { listCourses } from './list-courses.js';
import { listProgrammes } from './list-programmes.js';
import { materialRoutes, materialView } from './material-routes.js';
import type { CourseSummaryRow } from './repository.js';
import {
  Course,
  CourseInput,
  CoursePatch,
  CourseQuery,
  CourseSummary,
  IdParams,
  pageOf,
  Programme,
  ProgrammeInput,
  ProgrammePatch,
  ProgrammeQuery,
  type CourseInputBody,
  type CourseQueryType,
  type CoursePatchBody,
} from './schemas.js';
import { updateCourse } from './update-course.js';
import { updateProgramme } from './update-programme.js';

const tags = ['catalogue'];
const errors = errorResponses(400, 401, 403, 404);

const courseSummary = (row: CourseSummaryRow) => ({
  id: row.id,
  associationId: row.associationId,
  programmeId: row.programmeId,
  code: row.code,
  slug: row.slug,
  title: row.title,
  summary: row.summary,
  competencyAreas: row.competencyAreas,
  sectors: row.sectors,
  hours: row.hours,
  cpdCredits: row.cpdCredits,
  eqfLevel: row.eqfLevel,
  status: row.status,
  updatedAt: row.updatedAt,
});

const courseView = (course: CourseView) => ({
  ...courseSummary(course),
  learningOutcomes: course.learningOutcomes,
  prerequisites: course.prerequisites,
  escoSkills: course.escoSkills,
  materials: course.materials.map(materialView),
  createdAt: course.createdAt,
});

/** Programmes and courses: anyone reads what is published; staff of the association write. */
export async function catalogueRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;

  app.get(
    '/api/v1/programmes',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Programmes (public), by code', querystring: ProgrammeQuery, response: { 200: Type.Object({ items: Type.Array(Programme) }), ...errors } },
    },
    async (request) => ({ items: await listProgrammes(db, request.query) }),
  );

  app.get(
    '/api/v1/programmes/:id',
    { config: { access: 'public' }, schema: { tags, summary: 'A programme', params: IdParams, response: { 200: Programme, ...errors } } },
    async (request) => getProgramme(db, request.params.id),
  );

  app.post(
    '/api/v1/programmes',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Add a programme (staff of the association)', body: ProgrammeInput, response: { 201: Programme, ...errors, ...errorResponses(409) } },
    },
    async (request, reply) =>
      reply.code(201).send(await createProgramme(db, { actor: request.auth, input: request.body })),
  );

  app.patch(
    '/api/v1/programmes/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Change a programme', params: IdParams, body: ProgrammePatch, response: { 200: Programme, ...errors, ...errorResponses(409) } },
    },
    async (request) => updateProgramme(db, { actor: request.auth, id: request.params.id, input: request.body }),
  );

  app.get(
    '/api/v1/courses',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Courses: published ones of every association, and every course of the associations you belong to',
        querystring: CourseQuery,
        response: { 200: pageOf(CourseSummary), ...errors },
      },
    },
    async (request) => {
      const page = await listCourses(db, { actor: request.auth, ...(request.query as CourseQueryType) });
      return { ...page, items: page.items.map(courseSummary) };
    },
  );

  app.get(
    '/api/v1/courses/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A course with its materials (drafts for members only)', params: IdParams, response: { 200: Course, ...errors } },
    },
    async (request) => courseView(await getCourse(db, { actor: request.auth, id: request.params.id })),
  );

  app.post(
    '/api/v1/courses',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Add a course (staff of the association)', body: CourseInput, response: { 201: Course, ...errors, ...errorResponses(409) } },
    },
    async (request, reply) => {
      const course = await createCourse(db, { actor: request.auth, input: request.body as CourseInputBody });
      return reply.code(201).send(courseView(course));
    },
  );

  app.patch(
    '/api/v1/courses/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Change some of a course’s fields', params: IdParams, body: CoursePatch, response: { 200: Course, ...errors, ...errorResponses(409) } },
    },
    async (request) =>
      courseView(await updateCourse(db, { actor: request.auth, id: request.params.id, input: request.body as CoursePatchBody })),
  );

  await materialRoutes(app, services);
}
