import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authorize } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Services } from '../../platform/services.js';
import { findAssociation } from '../associations/repository.js';
import { addMember } from './add-member.js';
import { listMembers } from './repository.js';
import { revokeRole } from './revoke-role.js';
import { AddMemberBody, AssociationParams, Member, RoleParams } from './schemas.js';

const tags = ['accounts'];
const errors = errorResponses(400, 401, 403, 404);
/** Only the association's administrators (and platform administrators) manage who works in it. */
const MANAGERS = ['admin'] as const;

export async function memberRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;

  app.get(
    '/api/v1/associations/:id/members',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The people who hold a role in the association, with their roles',
        params: AssociationParams,
        response: { 200: Type.Object({ items: Type.Array(Member) }), ...errors },
      },
    },
    async (request) => {
      authorize(request.auth, request.params.id, MANAGERS);
      if (!(await findAssociation(db, request.params.id))) throw new AppError('not_found', { values: { what: 'association' } });
      return { items: await listMembers(db, request.params.id) };
    },
  );

  app.post(
    '/api/v1/associations/:id/members',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Grant a role; a person without an account gets one and an invitation mail to choose a password',
        params: AssociationParams,
        body: AddMemberBody,
        response: { 200: Member, 201: Member, ...errors },
      },
    },
    async (request, reply) => {
      const auth = authorize(request.auth, request.params.id, MANAGERS);
      const { member, created } = await addMember(services, {
        associationId: request.params.id,
        email: request.body.email,
        displayName: request.body.displayName,
        role: request.body.role,
        locale: request.body.locale,
        invitedBy: auth.user,
      });
      return reply.code(created ? 201 : 200).send(member);
    },
  );

  app.delete(
    '/api/v1/associations/:id/members/:userId/roles/:role',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Take a role away', params: RoleParams, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      authorize(request.auth, request.params.id, MANAGERS);
      await revokeRole(db, { associationId: request.params.id, userId: request.params.userId, role: request.params.role });
      return reply.code(204).send(null);
    },
  );
}
