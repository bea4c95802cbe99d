import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { errorResponses } from '../../platform/http/schema-types.js';
import {
  Certificate,
  CertificateDetail,
  CertificateQuery,
  EmptyBody,
  OptionalReasonBody,
  ReasonBody,
  ReissueBody,
  type CertificateQueryType,
  type ReasonBodyType,
} from './certificate-schemas.js';
import type { CertificationDeps } from './deps.js';
import { downloadCertificatePdf, downloadCredentialJson } from './download-certificate.js';
import { getCertificate } from './get-certificate.js';
import { issueCertificate } from './issue-certificate.js';
import { listCertificates } from './list-certificates.js';
import { reinstateCertificate } from './reinstate-certificate.js';
import { reissueCertificate } from './reissue-certificate.js';
import { renewCertificate } from './renew-certificate.js';
import { revokeCertificate } from './revoke-certificate.js';
import { IdParams } from './scheme-schemas.js';
import { suspendCertificate } from './suspend-certificate.js';

const tags = ['certification'];
const errors = { ...errorResponses(400, 401, 403, 404), ...errorResponses(409) };

/** Certificates: staff of the association issue and change them; assessors read them too. */
export async function certificateRoutes(base: FastifyInstance, { db, deps }: { db: Db; deps: CertificationDeps }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/certificates',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Certificates of your associations, newest first; filter by status, scheme and holder',
        querystring: CertificateQuery,
        response: {
          200: Type.Object({ items: Type.Array(Certificate), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }),
          ...errors,
        },
      },
    },
    async (request) => listCertificates(db, { actor: request.auth, ...(request.query as CertificateQueryType) }),
  );

  app.get(
    '/api/v1/certificates/:id',
    { config: { access: 'signed_in' }, schema: { tags, summary: 'A certificate with its history', params: IdParams, response: { 200: CertificateDetail, ...errors } } },
    async (request) => getCertificate(db, { actor: request.auth, id: request.params.id }),
  );

  app.get(
    '/api/v1/certificates/:id/certificate.pdf',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The certificate as a PDF in its two languages, with the signed credential attached (staff and assessors, or the holder)',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' }), ...errors },
      },
    },
    async (request, reply) => {
      const file = await downloadCertificatePdf({ db, messages: deps.messages, config: { publicUrl: deps.publicUrl } }, { actor: request.auth, id: request.params.id, locale: request.locale });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.pdf));
    },
  );

  app.get(
    '/api/v1/certificates/:id/credential.json',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The signed Open Badges 3.0 credential of the certificate, exactly as signed (staff and assessors, or the holder)',
        params: IdParams,
        produces: ['application/ld+json'],
        response: { 200: Type.Unsafe<string>({ type: 'string', format: 'binary', description: 'application/ld+json: an OpenBadgeCredential with an eddsa-rdfc-2022 DataIntegrityProof' }), ...errors },
      },
    },
    async (request, reply) => {
      const file = await downloadCredentialJson(db, { actor: request.auth, id: request.params.id });
      return reply
        .type('application/ld+json')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .serializer((payload: string) => payload)
        .send(file.json);
    },
  );

  app.post(
    '/api/v1/applications/:id/certificate',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Issue the certificate of an approved application (staff); 201 when issued now, 200 with the same certificate on a retry',
        params: IdParams,
        body: Type.Optional(EmptyBody),
        response: { 200: Certificate, 201: Certificate, ...errors },
      },
    },
    async (request, reply) => {
      const { certificate, created } = await issueCertificate(db, deps, { actor: request.auth, applicationId: request.params.id });
      return reply.code(created ? 201 : 200).send(certificate);
    },
  );

  app.post(
    '/api/v1/certificates/:id/suspend',
    { config: { access: 'signed_in' }, schema: { tags, summary: 'Suspend an active certificate, with a reason', params: IdParams, body: ReasonBody, response: { 200: Certificate, ...errors } } },
    async (request) => suspendCertificate(db, deps, { actor: request.auth, id: request.params.id, ...(request.body as ReasonBodyType) }),
  );

  app.post(
    '/api/v1/certificates/:id/reinstate',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Lift a suspension (a revoked certificate cannot be reinstated)', params: IdParams, body: OptionalReasonBody, response: { 200: Certificate, ...errors } },
    },
    async (request) => reinstateCertificate(db, deps, { actor: request.auth, id: request.params.id, reason: request.body.reason }),
  );

  app.post(
    '/api/v1/certificates/:id/revoke',
    { config: { access: 'signed_in' }, schema: { tags, summary: 'Revoke a certificate, with a reason; final', params: IdParams, body: ReasonBody, response: { 200: Certificate, ...errors } } },
    async (request) => revokeCertificate(db, deps, { actor: request.auth, id: request.params.id, ...(request.body as ReasonBodyType) }),
  );

  app.post(
    '/api/v1/certificates/:id/renew',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Renew: a new certificate linked to this one, once the renewal CPD credits were earned within its validity',
        params: IdParams,
        body: Type.Optional(EmptyBody),
        response: { 201: Certificate, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await renewCertificate(db, deps, { actor: request.auth, id: request.params.id })),
  );

  app.post(
    '/api/v1/certificates/:id/reissue',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Re-issue after a correction: a new certificate replaces this one, which is revoked as superseded',
        params: IdParams,
        body: ReissueBody,
        response: { 201: Certificate, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await reissueCertificate(db, deps, { actor: request.auth, id: request.params.id, reason: request.body.reason })),
  );
}
