import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Services } from '../../platform/services.js';
import { createOrganisation } from './create-organisation.js';
import { getOrganisation } from './get-organisation.js';
import { listOrganisations } from './list-organisations.js';
import { mergeOrganisations } from './merge-organisations.js';
import type { OrganisationRow } from './organisations-repository.js';
import { IdParams, ListQuery, MergeBody, Organisation, OrganisationInput, OrganisationPatch, pageOf, type OrganisationInputBody, type OrganisationPatchBody } from './schemas.js';
import { updateOrganisation } from './update-organisation.js';

const tags = ['organisations'];
const errors = errorResponses(400, 401, 403, 404);

const organisationView = (row: OrganisationRow) => ({
  id: row.id,
  associationId: row.associationId,
  name: row.name,
  nameLatin: row.nameLatin,
  kind: row.kind,
  country: row.country,
  city: row.city,
  website: row.website,
  email: row.email,
  phone: row.phone,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** Employers and partners of an association; registered by the people module's plugin. */
export async function organisationRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;

  app.get(
    '/api/v1/organisations',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Organisations of the associations you may read; search by name in either script',
        querystring: ListQuery,
        response: { 200: pageOf(Organisation), ...errors },
      },
    },
    async (request) => {
      const page = await listOrganisations(db, { actor: request.auth, ...request.query });
      return { ...page, items: page.items.map(organisationView) };
    },
  );

  app.post(
    '/api/v1/organisations',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Register an organisation', body: OrganisationInput, response: { 201: Organisation, ...errors } },
    },
    async (request, reply) => {
      const organisation = await createOrganisation(db, { actor: request.auth, input: request.body as OrganisationInputBody });
      return reply.code(201).send(organisationView(organisation));
    },
  );

  app.get(
    '/api/v1/organisations/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'An organisation; an id merged into another answers with the kept record',
        params: IdParams,
        response: { 200: Organisation, ...errors },
      },
    },
    async (request) => organisationView(await getOrganisation(db, { actor: request.auth, id: request.params.id })),
  );

  app.patch(
    '/api/v1/organisations/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Change some of an organisation’s fields',
        params: IdParams,
        body: OrganisationPatch,
        response: { 200: Organisation, ...errors },
      },
    },
    async (request) =>
      organisationView(await updateOrganisation(db, { actor: request.auth, id: request.params.id, input: request.body as OrganisationPatchBody })),
  );

  app.post(
    '/api/v1/organisations/:id/merge',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Merge a duplicate organisation into this one; its people and other references move here',
        params: IdParams,
        body: MergeBody,
        response: { 200: Organisation, ...errors, ...errorResponses(409) },
      },
    },
    async (request) =>
      organisationView(
        await mergeOrganisations(db, { actor: request.auth, keptId: request.params.id, duplicateId: request.body.duplicateId }),
      ),
  );
}
