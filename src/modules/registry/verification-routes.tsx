import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../config.js';
import { AppError } from '../../platform/errors.js';
import type { Services } from '../../platform/services.js';
import { watchCertificateChanges } from '../certification/certificate-changes.js';
import type { PageContext } from '../../web/server/layout.js';
import { pageContext, renderPage, sendHtml, sendPage } from '../../web/server/render.js';
import { issuerFor } from '../credentials/issuer.js';
import { CertificateNotFoundPage, VerifyCertificatePage, VerifyHomePage } from './pages/verify-certificate-page.js';
import { browserMessages } from './pages/verification-parts.js';
import { readUploadForm, type UploadBody } from './read-upload.js';
import { UPLOAD_LIMIT_MB } from './upload-limits.js';
import { KeptVerifications, type KeptPage } from './kept-verifications.js';
import { VerificationCache } from './verification-cache.js';
import { recentDidDocument, verifyCertificate, type CertificateVerification, type CredentialLoader } from './verify-certificate.js';
import { rememberedCredentials } from './remembered-credentials.js';
import { verifyUploadedFile } from './verify-upload.js';
import { browserBundleRoute } from './browser-bundle-route.js';

/** Enough for anyone checking certificates by hand; far too few to walk through codes. */
export const PUBLIC_VERIFICATION_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

export interface VerificationRouteDeps {
  loadCredential: CredentialLoader;
  renderDocument: (services: Services, certificateId: string, locale?: Locale) => Promise<Uint8Array>;
}

const tags = ['verification'];
const security: never[] = [];
const page = { access: 'public', html: true, rateLimit: PUBLIC_VERIFICATION_RATE_LIMIT } as const;
/** Verifying an upload changes nothing and reveals nothing of the visitor: see decision 017. */
const uploadPost = { ...page, csrf: false, changesKeptRows: false } as const;

const NumberParams = Type.Object({ number: Type.String({ minLength: 1, maxLength: 64, description: 'Certificate number, e.g. UZ-ENG-2026-000123' }) });
const CodeQuery = Type.Object({ code: Type.Optional(Type.String({ maxLength: 64, description: 'The verification code carried by the certificate’s QR code' })) });
const html = (description: string) => ({ description, content: { 'text/html': { schema: Type.String() } } });
const notFound = html('No certificate with this number and code (an unknown number and a wrong code look the same)');
const CredentialBody = Type.Unsafe<string>(
  Type.Object({}, { additionalProperties: true, description: 'OpenBadgeCredential (VC Data Model 2.0) with an eddsa-rdfc-2022 DataIntegrityProof, exactly as signed' }),
);

/** Stands for a signed-in visitor's CSRF token (their sign-out form) in a kept page; replaced in every answer. */
const CSRF_PLACEHOLDER = 'usta-csrf-token-placeholder';

/** The code travels in the address: keep it out of Referer headers, caches and search engines. */
function privateAddress(reply: FastifyReply): FastifyReply {
  return reply.header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex').header('cache-control', 'no-store');
}

/**
 * Public pages carry a CSRF token only for a signed-in visitor, whose header has a sign-out form;
 * the upload form needs none (decision 017), so an anonymous visitor gets no token and no cookie.
 */
function publicContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return pageContext(request, reply, { csrf: request.auth !== null });
}

function matchesEtag(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  return header !== undefined && (header === etag || header.split(',').some((tag) => tag.trim() === etag));
}

/**
 * A kept page as it is: the browser may keep its own copy (never a shared cache: the address holds
 * the code) and must ask each time, so a revisit of an unchanged page is a 304 without a body.
 */
function sendKeptPage(request: FastifyRequest, reply: FastifyReply, page: KeptPage): FastifyReply {
  reply.header('cache-control', 'private, no-cache').header('etag', page.etag).header('vary', 'accept-encoding');
  if (matchesEtag(request, page.etag)) return reply.code(304).send();
  reply.code(200).type('text/html; charset=utf-8');
  if (page.gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.body);
}

function prefers(request: FastifyRequest, plain: string, specific: string): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes(plain) && !accept.includes(specific);
}

/** /verify and /verify/<number>: the public verification pages and downloads. No account, no script needed. */
export async function verificationRoutes(base: FastifyInstance, services: Services & VerificationRouteDeps): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const issuer = issuerFor(services);
  const cache = new VerificationCache();
  const loadCredential = rememberedCredentials(services.loadCredential);
  const deps = { db: services.db, issuer, loadCredential, cache };
  const kept = new KeptVerifications(
    (number, code, didDocument, now) => verifyCertificate({ ...deps, didDocument: () => Promise.resolve(didDocument) }, number, code, now),
    recentDidDocument(issuer),
  );
  const stopWatching = watchCertificateChanges(services.db, services.changes, kept);
  base.addHook('onClose', async () => stopWatching());
  const forBrowser = new Map<Locale, Record<string, string>>();
  const messagesFor = (locale: Locale) => {
    let messages = forBrowser.get(locale);
    if (!messages) forBrowser.set(locale, (messages = browserMessages(services.messages.catalogue(locale))));
    return messages;
  };

  const found = async (request: FastifyRequest): Promise<CertificateVerification> => {
    const { number } = request.params as { number: string };
    const { code } = request.query as { code?: string };
    const found = await kept.lookup(number, code ?? '');
    if (!found) throw new AppError('not_found', { values: { what: 'certificate' } });
    return found.verification;
  };

  app.get('/verify', { config: page, schema: { hide: true } }, async (request, reply) => {
    const ctx = publicContext(request, reply);
    return sendPage(reply, ctx, { title: ctx.tr.t('registry.verify.title'), body: <VerifyHomePage ctx={ctx} browserMessages={messagesFor(ctx.locale)} ownIssuer={issuer.did} /> });
  });

  app.post('/verify', { config: uploadPost, schema: { hide: true }, preValidation: readUploadForm }, async (request, reply) => {
    const body = request.body as UploadBody;
    if (!body.file) {
      const messageKey = body.tooLarge ? 'registry.verify.upload.too_large' : 'registry.verify.upload.no_file';
      throw new AppError(body.tooLarge ? 'payload_too_large' : 'validation', { messageKey, values: { size: UPLOAD_LIMIT_MB } });
    }
    const verification = await verifyUploadedFile(issuer, body.file.bytes);
    const ctx = publicContext(request, reply);
    return sendPage(reply, ctx, {
      title: ctx.tr.t('registry.verify.title'),
      body: <VerifyHomePage ctx={ctx} browserMessages={messagesFor(ctx.locale)} ownIssuer={issuer.did} upload={{ fileName: body.file.name, verification }} />,
    });
  });

  app.get(
    '/verify/:number',
    {
      // Opened at every scan of a certificate's QR code: the reverse proxy's access log has each visit,
      // so only warnings and errors are logged here, not two lines per visit.
      logLevel: 'warn',
      config: page,
      schema: {
        tags,
        security,
        summary: 'Public verification page of a certificate: holder, scheme, level, validity, status and each check of its signed credential',
        params: NumberParams,
        querystring: CodeQuery,
        produces: ['text/html'],
        response: { 200: html('The verification page, in the visitor’s language'), 404: notFound },
      },
    },
    async (request, reply) => {
      privateAddress(reply);
      const code = request.query.code ?? '';
      const found = await kept.lookup(request.params.number, code);
      if (!found) {
        const ctx = publicContext(request, reply);
        return sendPage(reply, ctx, { status: 404, title: ctx.tr.t('registry.verify.title'), body: <CertificateNotFoundPage ctx={ctx} browserMessages={messagesFor(ctx.locale)} /> });
      }
      const { verification } = found;
      // The page is a function of what is shown and of the visitor's language; it is kept with the verification.
      const signedIn = request.auth !== null;
      const ctx: PageContext = { ...pageContext(request, reply), ...(signedIn ? { csrfToken: CSRF_PLACEHOLDER } : {}) };
      const page = found.page(`${ctx.locale} ${signedIn} ${ctx.path}`, () =>
        renderPage(ctx, {
          title: ctx.tr.t('registry.verify.certificate_title', { number: verification.certificate.number }),
          body: <VerifyCertificatePage ctx={ctx} browserMessages={messagesFor(ctx.locale)} verification={verification} code={code} />,
        }),
      );
      if (signedIn) return sendHtml(reply, 200, page.html.replaceAll(CSRF_PLACEHOLDER, reply.generateCsrf()));
      return sendKeptPage(request, reply, page);
    },
  );

  const download = (summary: string, type: string, schema: unknown) => ({
    config: page,
    schema: { tags, security, summary, params: NumberParams, querystring: CodeQuery, produces: [type], response: { 200: schema as never, 404: notFound } },
  });

  app.get(
    '/verify/:number/credential.json',
    download('The certificate’s signed Open Badges 3.0 credential (JSON with an embedded proof)', 'application/ld+json', {
      description: 'application/ld+json, or application/json when that is what the client accepts',
      content: { 'application/ld+json': { schema: CredentialBody }, 'application/json': { schema: CredentialBody } },
    }),
    async (request, reply) => {
      const { certificate } = await found(request);
      const stored = await loadCredential(services.db, certificate.id);
      if (!stored) throw new AppError('not_found', { values: { what: 'certificate' } });
      const type = prefers(request, 'application/json', 'application/ld+json') ? 'application/json' : 'application/ld+json';
      return privateAddress(reply)
        .header('access-control-allow-origin', '*')
        .header('content-disposition', `attachment; filename="${certificate.number}.json"`)
        .type(`${type}; charset=utf-8`)
        .send(JSON.stringify(stored.credential));
    },
  );

  app.get(
    '/verify/:number/credential.jwt',
    download('The certificate’s credential as a VC-JWT (ES256)', 'application/vc+jwt', {
      description: 'application/vc+jwt, or application/jwt when that is what the client accepts',
      content: { 'application/vc+jwt': { schema: Type.String() }, 'application/jwt': { schema: Type.String() } },
    }),
    async (request, reply) => {
      const { certificate } = await found(request);
      const stored = await loadCredential(services.db, certificate.id);
      if (!stored) throw new AppError('not_found', { values: { what: 'certificate' } });
      const type = prefers(request, 'application/jwt', 'application/vc+jwt') ? 'application/jwt' : 'application/vc+jwt';
      return privateAddress(reply)
        .header('access-control-allow-origin', '*')
        .header('content-disposition', `attachment; filename="${certificate.number}.jwt"`)
        .type(type)
        .send(stored.jwt);
    },
  );

  app.get(
    '/verify/:number/certificate.pdf',
    download('The certificate as a PDF, with its signed credential attached', 'application/pdf', {
      description: 'A4 certificate with the credential (JSON) attached',
      content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
    }),
    async (request, reply) => {
      const { certificate } = await found(request);
      const pdf = await services.renderDocument(services, certificate.id, request.locale);
      return privateAddress(reply)
        .header('content-disposition', `attachment; filename="${certificate.number}.pdf"`)
        .type('application/pdf')
        .send(Buffer.from(pdf));
    },
  );

  await browserBundleRoute(app);
}
