import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http/schema-types.js';
import type { Services } from '../../platform/services.js';
import { issuerFor } from './issuer.js';
import { buildServiceDescription } from './ob3-discovery.js';
import { DidDocumentBody, ServiceDescriptionBody, StatusListCredentialBody, StatusListParams } from './schemas.js';
import { STATUS_LIST_TTL_SECONDS } from './signed-status-list.js';

const tags = ['credentials'];
/** Public addresses: no sign-in. */
const security: never[] = [];
const JSON_TYPE = 'application/json; charset=utf-8';
/** Short, so that verifiers see a rotated key soon; rotation is rare, so this costs little. */
const DID_DOCUMENT_MAX_AGE = 60;

/** Verifiers and wallets on other sites fetch these from the browser too. */
function shareAcrossSites(reply: FastifyReply): FastifyReply {
  return reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
}

function matchesEtag(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header === '*' || header.split(',').some((tag) => bare(tag) === bare(etag));
}

/** The deployment's public credential addresses: DID document, status lists, OB 3.0 discovery. */
export async function credentialsRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const issuer = issuerFor(services);

  const sendDidDocument = async (_request: FastifyRequest, reply: FastifyReply) => {
    const document = await issuer.didDocument();
    return shareAcrossSites(reply)
      .header('cache-control', `public, max-age=${DID_DOCUMENT_MAX_AGE}`).type(JSON_TYPE).send(JSON.stringify(document));
  };
  const didRoute = {
    config: { access: 'public' as const },
    schema: {
      tags,
      security,
      summary: 'DID document of this deployment (did:web): the keys that sign its credentials, current and retired',
      response: { 200: DidDocumentBody },
    },
  };
  app.get('/.well-known/did.json', didRoute, sendDidDocument);
  // did:web puts a DID with a path at <path>/did.json rather than under /.well-known.
  if (new URL(services.config.publicUrl).pathname.replace(/\/+$/, '') !== '') {
    app.get('/did.json', { ...didRoute, schema: { ...didRoute.schema, hide: true } }, sendDidDocument);
  }

  app.get(
    '/credentials/status/:purpose/:number',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security,
        summary: 'A revocation or suspension status list, as the credentials name it (signed BitstringStatusListCredential)',
        params: StatusListParams,
        response: { 200: StatusListCredentialBody, 304: Type.Null(), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const signed = await issuer.signedStatusList(request.params.purpose, request.params.number);
      if (!signed) throw new AppError('not_found');
      shareAcrossSites(reply)
        .header('cache-control', `public, max-age=${STATUS_LIST_TTL_SECONDS}`)
        .header('etag', signed.etag)
        .header('last-modified', signed.updatedAt.toUTCString());
      if (matchesEtag(request, signed.etag)) return reply.code(304).send(null);
      return reply.type(JSON_TYPE).send(signed.json);
    },
  );

  let discovery: string | null = null;
  app.get(
    '/ims/ob/v3p0/discovery',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security,
        summary: 'Open Badges 3.0 Service Description Document',
        response: { 200: ServiceDescriptionBody },
      },
    },
    async (_request, reply) => {
      discovery ??= JSON.stringify(buildServiceDescription(services.config));
      return shareAcrossSites(reply).header('cache-control', 'public, max-age=3600').type(JSON_TYPE).send(discovery);
    },
  );
}
