import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/services.js';
import { applicationRoutes } from './application-routes.js';
import { certificationJobHandlers } from './bulk-issue-certificates.js';
import { credentialsFor } from './certificate-credential.js';
import { certificateRoutes } from './certificate-routes.js';
import type { CertificationDeps } from './deps.js';
import { schemeRoutes } from './scheme-routes.js';
import { credentialStatusLists } from './status-lists.js';

/** What certification needs from the services, for routes, jobs and passes alike. */
export function certificationDeps(services: Pick<Services, 'messages' | 'config' | 'database'>): CertificationDeps {
  return { messages: services.messages, publicUrl: services.config.publicUrl, statusLists: credentialStatusLists, credentials: credentialsFor(services) };
}

/** Schemes, applications and certificates under /api/v1. */
export async function certificationRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const deps = certificationDeps(services);
  const { db } = services;
  await schemeRoutes(app, { db, workers: services.config.workers, jobHandlers: certificationJobHandlers(deps), credentials: deps.credentials });
  await applicationRoutes(app, { db, deps });
  await certificateRoutes(app, { db, deps });
}
