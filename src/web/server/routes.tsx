import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LOCALES } from '../../config.js';
import { listAssociations } from '../../modules/associations/repository.js';
import type { AppError } from '../../platform/errors.js';
import { renderError } from '../../platform/http/error-body.js';
import { LOCALE_COOKIE } from '../../platform/http/locale.js';
import type { Services } from '../../platform/services.js';
import { PublicLayout } from './layout.js';
import { pageContext, safeNext, sendPage } from './render.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Stylesheet, icons: served as they are. */
export const PUBLIC_DIR = path.join(ROOT, 'src', 'web', 'public');
/** The signed-in app, built by Vite (`npm run build:web`). */
export const APP_DIST_DIR = path.join(ROOT, 'dist', 'web');

const Locale = Type.Union(LOCALES.map((l) => Type.Literal(l)));

export async function webRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { config, messages, db } = services;

  await app.register(fastifyStatic, { root: [PUBLIC_DIR, APP_DIST_DIR], serve: false });

  app.get(
    '/',
    { config: { access: 'public', html: true }, schema: { hide: true } },
    async (request, reply) => {
      const ctx = pageContext(request, reply);
      const associations = await listAssociations(db);
      return sendPage(reply, ctx, {
        title: ctx.tr.t('web.home.title'),
        body: (
          <PublicLayout ctx={ctx} title={ctx.tr.t('web.home.title')}>
            <p className="lead">{ctx.tr.t('web.home.lead')}</p>
            <ul className="cards">
              <li>
                <h2>{ctx.tr.t('web.home.engineers_title')}</h2>
                <p>{ctx.tr.t('web.home.engineers_text')}</p>
              </li>
              <li>
                <h2>{ctx.tr.t('web.home.employers_title')}</h2>
                <p>{ctx.tr.t('web.home.employers_text')}</p>
              </li>
              <li>
                <h2>{ctx.tr.t('web.home.staff_title')}</h2>
                <p>{ctx.tr.t('web.home.staff_text')}</p>
                <p>
                  <a className="button" href="/sign-in">
                    {ctx.tr.t('web.sign_in')}
                  </a>
                </p>
              </li>
            </ul>
            {associations.length > 0 ? (
              <section aria-labelledby="associations-heading">
                <h2 id="associations-heading">{ctx.tr.t('web.home.associations', { count: associations.length })}</h2>
                <ul>
                  {associations.map((a) => (
                    <li key={a.id}>
                      {a.name} ({a.country})
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </PublicLayout>
        ),
      });
    },
  );

  app.get(
    '/language/:locale',
    {
      config: { access: 'public' },
      schema: { hide: true, params: Type.Object({ locale: Locale }), querystring: Type.Object({ next: Type.Optional(Type.String()) }) },
    },
    async (request, reply) => {
      reply.setCookie(LOCALE_COOKIE, request.params.locale, {
        path: '/',
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: 365 * 24 * 3600,
      });
      return reply.redirect(safeNext(request.query.next), 303);
    },
  );

  app.get(
    '/api/v1/i18n/:locale',
    {
      config: { access: 'public' },
      schema: {
        tags: ['i18n'],
        summary: 'The message catalogue of one interface language (ICU MessageFormat, dotted keys)',
        params: Type.Object({ locale: Locale }),
        response: { 200: Type.Record(Type.String(), Type.String()) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return messages.catalogue(request.params.locale);
    },
  );

  app.get(
    '/static/*',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const file = (request.params as { '*': string })['*'];
      return reply.sendFile(file, PUBLIC_DIR, { maxAge: '1h' });
    },
  );

  app.get(
    '/app/assets/*',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const file = (request.params as { '*': string })['*'];
      return reply.sendFile(path.join('assets', file), APP_DIST_DIR, { maxAge: '365d', immutable: true });
    },
  );

  const appShell = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.auth) return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    const index = path.join(APP_DIST_DIR, 'index.html');
    if (!fs.existsSync(index)) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build:web`.');
    }
    return reply.header('cache-control', 'no-store').sendFile('index.html', APP_DIST_DIR);
  };
  app.get('/app', { config: { access: 'public', html: true }, schema: { hide: true } }, appShell);
  app.get('/app/*', { config: { access: 'public', html: true }, schema: { hide: true } }, appShell);
}

export function renderErrorPage(_services: Services) {
  return (request: FastifyRequest, reply: FastifyReply, error: AppError, status: number) => {
    const { body } = renderError(error, request.tr);
    const ctx = pageContext(request, reply);
    const title = request.tr.t(`web.error.title_${status >= 500 ? 'server' : status === 404 ? 'not_found' : 'client'}`);
    return sendPage(reply, ctx, {
      status,
      title,
      body: (
        <PublicLayout ctx={ctx} title={title}>
          <p>{body.error.message}</p>
          <p>
            <a href="/">{request.tr.t('web.error.home')}</a>
          </p>
        </PublicLayout>
      ),
    });
  };
}
