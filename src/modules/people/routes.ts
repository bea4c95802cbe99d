import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Services } from '../../platform/services.js';
import { createPerson } from './create-person.js';
import { KeptPeople } from './kept-people.js';
import { getPerson } from './get-person.js';
import { importRoutes } from './import-routes.js';
import { listPeople } from './list-people.js';
import { mergePeople } from './merge-people.js';
import { organisationRoutes } from './organisation-routes.js';
import type { PersonRow, PersonSummaryRow } from './repository.js';
import { IdParams, ListQuery, MergeBody, pageOf, Person, PersonInput, PersonPatch, PersonSummary, type PersonInputBody, type PersonPatchBody } from './schemas.js';
import { updatePerson } from './update-person.js';

const tags = ['people'];
const errors = errorResponses(400, 401, 403, 404);

const summary = (row: PersonSummaryRow) => ({
  id: row.id,
  associationId: row.associationId,
  fullName: row.fullName,
  nameLatin: row.nameLatin,
  gender: row.gender,
  country: row.country,
  city: row.city,
  sector: row.sector,
  employerId: row.employerId,
  employerName: row.employerName,
  position: row.position,
  email: row.email,
});

export const personView = (row: PersonRow) => ({
  ...summary(row),
  birthDate: row.birthDate,
  phone: row.phone,
  registryConsent: row.registryConsentAt !== null,
  registryConsentAt: row.registryConsentAt,
  emailConsent: row.emailConsentAt !== null,
  emailConsentAt: row.emailConsentAt,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export async function peopleRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;
  const kept = new KeptPeople(services.changes);
  // A kept record is the same object until it changes: its JSON (made by the route's own
  // serializer, so through its response schema) is made once.
  const answers = new WeakMap<PersonRow, string>();

  app.get(
    '/api/v1/people',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'People of the associations you may read; search by name in either script',
        querystring: ListQuery,
        response: { 200: pageOf(PersonSummary), ...errors },
      },
    },
    async (request) => {
      const page = await listPeople(db, { actor: request.auth, ...request.query });
      return { ...page, items: page.items.map(summary) };
    },
  );

  app.post(
    '/api/v1/people',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Register a person', body: PersonInput, response: { 201: Person, ...errors, ...errorResponses(409) } },
    },
    async (request, reply) => {
      const person = await createPerson(db, { actor: request.auth, input: request.body as PersonInputBody });
      return reply.code(201).send(personView(person));
    },
  );

  app.get(
    '/api/v1/people/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'A person; an id merged into another answers with the kept record',
        params: IdParams,
        response: { 200: Person, ...errors },
      },
    },
    async (request, reply) => {
      const row = await getPerson(db, { actor: request.auth, id: request.params.id, kept });
      let json = answers.get(row);
      if (json === undefined) answers.set(row, (json = reply.serialize(personView(row)) as string));
      // Already serialized: sent as it is.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.patch(
    '/api/v1/people/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Change some of a person’s fields',
        params: IdParams,
        body: PersonPatch,
        response: { 200: Person, ...errors, ...errorResponses(409) },
      },
    },
    async (request) => personView(await updatePerson(db, { actor: request.auth, id: request.params.id, input: request.body as PersonPatchBody })),
  );

  app.post(
    '/api/v1/people/:id/merge',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Merge a duplicate into this person: empty fields are filled, references move, the duplicate’s id answers with this record',
        params: IdParams,
        body: MergeBody,
        response: { 200: Person, ...errors, ...errorResponses(409) },
      },
    },
    async (request) =>
      personView(await mergePeople(db, { actor: request.auth, keptId: request.params.id, duplicateId: request.body.duplicateId })),
  );

  await organisationRoutes(app, services);
  await importRoutes(app, services);
}
