import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { ChangeFeed } from './db/change-feed.js';
import type { Database } from './db/client.js';
import { accountsRoutes } from './modules/accounts/routes.js';
import { authResolvers } from './modules/accounts/resolve-auth.js';
import { associationsRoutes } from './modules/associations/routes.js';
import { cataloguePageRoutes } from './modules/catalogue/page-routes.js';
import { catalogueRoutes } from './modules/catalogue/routes.js';
import { certificationRoutes } from './modules/certification/routes.js';
import { credentialsRoutes } from './modules/credentials/routes.js';
import { projectsRoutes } from './modules/events/projects-routes.js';
import { registryRoutes } from './modules/registry/routes.js';
import { peopleRoutes } from './modules/people/routes.js';
import { exportRoutes } from './modules/registration/export-routes.js';
import { invoiceRoutes } from './modules/registration/invoice-routes.js';
import { eventRoutes } from './modules/events/event-routes.js';
import { upcomingSessionItems } from './modules/events/list-upcoming-sessions.js';
import { registrationRoutes } from './modules/registration/registration-routes.js';
import { attendanceRoutes } from './modules/registration/attendance-routes.js';
import { completionRoutes } from './modules/registration/completion-routes.js';
import { participationPageRoutes } from './modules/registration/participation-page-routes.js';
import { jobsRoutes } from './platform/jobs/routes.js';
import { webRoutes, renderErrorPage } from './web/server/routes.js';
import { authPlugin } from './platform/auth/plugin.js';
import { securityHeaderOptions, securityHeaders } from './platform/http/security-headers.js';
import { AppError } from './platform/errors.js';
import { ErrorBody } from './platform/http/error-body.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import './platform/http/fastify-types.js';
import { healthRoutes } from './platform/http/health.js';
import { localePlugin } from './platform/http/locale.js';
import { RequestLog } from './platform/http/log-options.js';
import { sharedSerializers } from './platform/http/schema-compilers.js';
import { OPENAPI_INFO } from './platform/http/openapi.js';
import { Messages } from './platform/i18n/catalogue.js';
import type { Services } from './platform/services.js';

export interface BuildOptions {
  config: Config;
  database: Database;
  messages?: Messages;
  logger?: FastifyServerOptions['logger'];
}

export type App = FastifyInstance;

/** What the route table says about each route; used by tests that hold every route to the rules. */
export interface RouteSummary {
  method: string;
  url: string;
  access: string | undefined;
  hasResponseSchema: boolean;
  documented: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeSummaries: RouteSummary[];
  }
}

/** Registers the cross-cutting plugins, then each module's routes. No business logic here. */
export async function buildApp(options: BuildOptions): Promise<App> {
  const { config, database } = options;
  const messages = options.messages ?? new Messages();
  const changes = new ChangeFeed(database);
  const services: Services = { config, database, db: database.db, messages, changes };

  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: true,
    logController: new RequestLog(),
    schemaController: { compilersFactory: { buildSerializer: sharedSerializers() } },
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true, useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const routes: RouteSummary[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routes.push({
        method: String(method),
        url: route.url,
        access: route.config?.access,
        hasResponseSchema: Boolean(route.schema?.response),
        documented: !route.schema?.hide,
      });
    }
  });
  app.decorate('routeSummaries', routes);

  app.addSchema(ErrorBody);
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(securityHeaders, securityHeaderOptions(config.secureCookies));
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      throw new AppError('rate_limited', { values: { seconds: Math.ceil(context.ttl / 1000) } });
    },
  });
  await app.register(csrf, {
    cookieKey: 'usta_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies },
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      const header = request.headers['x-csrf-token'];
      return fromBody ?? (typeof header === 'string' ? header : undefined);
    },
  });
  await app.register(swagger, { openapi: OPENAPI_INFO, hideUntagged: true });
  await app.register(localePlugin, { messages, fallback: config.defaultLocale });
  await app.register(authPlugin, authResolvers(database.db, changes));
  // Listening starts once the app is built (a failed build leaves no connection open); until then
  // nothing is answered from memory.
  app.addHook('onReady', () => changes.start());
  app.addHook('onClose', () => changes.stop());
  if (database.kind === 'postgres') {
    // A client that changed something reads its change on this instance at once.
    app.addHook('onSend', (request, _reply, payload, done) => {
      if (request.method === 'GET' || request.method === 'HEAD' || request.routeOptions.config?.changesKeptRows === false) return done(null, payload);
      changes.settle().then(() => done(null, payload), done);
    });
  }
  installErrorHandler(app, renderErrorPage(services));

  await app.register(healthRoutes, { database });
  await app.register(accountsRoutes, services);
  await app.register(associationsRoutes, services);
  await app.register(peopleRoutes, services);
  await app.register(catalogueRoutes, services);
  await app.register(cataloguePageRoutes, { ...services, listUpcomingSessions: upcomingSessionItems(database.db) });
  await app.register(projectsRoutes, services);
  await app.register(eventRoutes, services);
  await app.register(registrationRoutes, services);
  await app.register(credentialsRoutes, services);
  await app.register(attendanceRoutes, services);
  await app.register(completionRoutes, services);
  await app.register(participationPageRoutes, services);
  await app.register(invoiceRoutes, services);
  await app.register(exportRoutes, services);
  await app.register(certificationRoutes, services);
  await app.register(registryRoutes, services);
  await app.register(jobsRoutes, services);
  await app.register(webRoutes, services);

  app.get(
    '/api/v1/openapi.json',
    { config: { access: 'public' }, schema: { hide: true } },
    async () => app.swagger(),
  );
  return app;
}
