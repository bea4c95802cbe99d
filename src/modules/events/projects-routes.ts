import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Services } from '../../platform/services.js';
import { createProject } from './create-project.js';
import { getProject, type ProjectView } from './get-project.js';
import { listProjects } from './list-projects.js';
import {
  Project,
  ProjectInput,
  ProjectPage,
  ProjectParams,
  ProjectPatch,
  ProjectQuery,
  type ProjectInputBody,
  type ProjectPatchBody,
} from './project-schemas.js';
import { updateProject } from './update-project.js';

const tags = ['projects'];
const errors = errorResponses(400, 401, 403, 404);

export const projectView = (p: ProjectView) => ({
  id: p.id,
  associationId: p.associationId,
  name: p.name,
  donor: p.donor,
  programme: p.programme,
  agreementNumber: p.agreementNumber,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  acknowledgement: p.acknowledgement,
  partners: p.partners.map((x) => ({ organisationId: x.organisationId, name: x.name, nameLatin: x.nameLatin, country: x.country, role: x.role })),
  createdAt: p.createdAt,
});

/** Donor-funded projects, for the staff of the association that runs them. */
export async function projectsRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;

  app.get(
    '/api/v1/projects',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Projects of the associations where you are staff, newest first', querystring: ProjectQuery, response: { 200: ProjectPage, ...errors } },
    },
    async (request) => {
      const page = await listProjects(db, { actor: request.auth, ...(request.query) });
      return { ...page, items: page.items.map(projectView) };
    },
  );

  app.get(
    '/api/v1/projects/:id',
    { config: { access: 'signed_in' }, schema: { tags, summary: 'A project with its partners', params: ProjectParams, response: { 200: Project, ...errors } } },
    async (request) => projectView(await getProject(db, { actor: request.auth, id: request.params.id })),
  );

  app.post(
    '/api/v1/projects',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Add a project with its partners and acknowledgement', body: ProjectInput, response: { 201: Project, ...errors } },
    },
    async (request, reply) =>
      reply.code(201).send(projectView(await createProject(db, { actor: request.auth, input: request.body as ProjectInputBody }))),
  );

  app.patch(
    '/api/v1/projects/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Change a project; partners, when given, replace the list', params: ProjectParams, body: ProjectPatch, response: { 200: Project, ...errors } },
    },
    async (request) =>
      projectView(await updateProject(db, { actor: request.auth, id: request.params.id, input: request.body as ProjectPatchBody })),
  );
}
