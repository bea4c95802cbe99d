import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { requireAuth } from '../../platform/auth/access.js';
import { AppError, STATUS_BY_CODE } from '../../platform/errors.js';
import type { Services } from '../../platform/services.js';
import { listHolderCredentials } from '../certification/list-holder-credentials.js';
import type { CredentialLoader } from './verify-certificate.js';

/** The Open Badges 3.0 API of this deployment, as its discovery document describes it. */
export const OB3_API_BASE = '/ims/ob/v3p0';
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

const Query = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, description: `Credentials per page (default ${DEFAULT_LIMIT})` })),
  offset: Type.Optional(Type.Integer({ minimum: 0, description: 'Index of the first credential to return (zero-based)' })),
  since: Type.Optional(Type.String({ format: 'date-time', description: 'Only credentials issued after this instant' })),
});

const Credential = Type.Object({}, { additionalProperties: true, description: 'OpenBadgeCredential with an embedded eddsa-rdfc-2022 proof, exactly as signed' });
const GetCredentialsResponse = Type.Object(
  { credential: Type.Array(Credential), compactJwsString: Type.Array(Type.String()) },
  { description: 'GetOpenBadgeCredentialsResponse: the holder’s credentials with embedded proofs (each also served as a VC-JWT at its verification address)' },
);
/** The specification's error body. */
const StatusInfo = Type.Object({
  imsx_codeMajor: Type.Literal('failure'),
  imsx_severity: Type.Literal('error'),
  imsx_description: Type.String(),
});

function statusInfo(description: string) {
  return { imsx_codeMajor: 'failure' as const, imsx_severity: 'error' as const, imsx_description: description };
}

function pageLinks(publicUrl: string, request: FastifyRequest, offset: number, limit: number, total: number): string {
  const url = new URL(`${publicUrl}${request.url}`);
  const at = (start: number) => {
    url.searchParams.set('offset', String(start));
    url.searchParams.set('limit', String(limit));
    return `<${url.href}>`;
  };
  const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const links = [`${at(0)}; rel="first"`, `${at(last)}; rel="last"`];
  if (offset + limit < total) links.push(`${at(offset + limit)}; rel="next"`);
  if (offset > 0) links.push(`${at(Math.max(0, offset - limit))}; rel="prev"`);
  return links.join(', ');
}

/**
 * GET /ims/ob/v3p0/credentials (getCredentials): a holder pulls their own credentials into a
 * wallet with an API token of their account. Errors take the specification's Imsx_StatusInfo shape.
 */
export async function ob3CredentialsRoutes(base: FastifyInstance, services: Services & { loadCredential: CredentialLoader }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error instanceof AppError ? STATUS_BY_CODE[error.code] : error.validation ? 400 : (error.statusCode ?? 500);
    const description = status >= 500 ? 'Internal error' : error instanceof AppError ? request.tr.t(`errors.${error.code}`) : error.message;
    if (status >= 500) request.log.error(error);
    return reply.code(status).send(statusInfo(description));
  });

  app.get(
    `${OB3_API_BASE}/credentials`,
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['credentials'],
        summary: 'Open Badges 3.0 getCredentials: the caller’s own credentials, paged (X-Total-Count, Link)',
        operationId: 'getCredentials',
        querystring: Query,
        response: { 200: GetCredentialsResponse, 400: StatusInfo, 401: StatusInfo, 429: StatusInfo },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const limit = request.query.limit ?? DEFAULT_LIMIT;
      const offset = request.query.offset ?? 0;
      const since = request.query.since ? new Date(request.query.since) : undefined;
      const { credentials, total } = await listHolderCredentials(services.db, {
        personId: auth.user.personId,
        since,
        limit,
        offset,
        loadCredential: services.loadCredential,
      });
      reply.header('x-total-count', String(total)).header('link', pageLinks(services.config.publicUrl, request, offset, limit, total)).header('cache-control', 'no-store');
      return { credential: credentials, compactJwsString: [] };
    },
  );
}
