import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/services.js';
import { loadCertificateCredential } from '../certification/certificate-credential.js';
import { renderCertificateDocument } from '../certification/certificate-document.js';
import { ob3CredentialsRoutes } from './ob3-credentials-routes.js';
import { verificationRoutes } from './verification-routes.js';

/** Public verification of certificates, and a holder's credentials for their wallet. */
export async function registryRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const deps = { ...services, loadCredential: loadCertificateCredential, renderDocument: renderCertificateDocument };
  await app.register(verificationRoutes, deps);
  await app.register(ob3CredentialsRoutes, deps);
}
