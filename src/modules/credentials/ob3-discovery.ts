import type { Config } from '../../config.js';
import profile from './ob3-service-description.json' with { type: 'json' };

/**
 * The Open Badges 3.0 Service Description Document served at /ims/ob/v3p0/discovery: a profiled
 * copy of the OpenAPI file published with the specification (1EdTech openbadges-specification,
 * gh-pages, docs/openapi/openapi.json), keeping only the operations Usta offers — reading a
 * holder's credentials (GET /credentials) and this document — and the components they use.
 * Holders authenticate with an API token of their account (HTTP bearer), not the specification's
 * OAuth 2.0 dynamic client registration; docs/decisions/015 explains the difference.
 */
export function buildServiceDescription(config: Pick<Config, 'publicUrl'>): Record<string, unknown> {
  const base = config.publicUrl;
  return {
    openapi: '3.0.1',
    info: {
      title: 'Usta',
      description: 'Open Badges 3.0 credentials of the engineers certified through this Usta deployment.',
      version: '1.0',
      termsOfService: `${base}/terms`,
      'x-imssf-privacyPolicyUrl': `${base}/privacy`,
    },
    servers: [{ url: `${base}/ims/ob/v3p0`, description: 'Open Badges 3.0 API of this deployment' }],
    tags: profile.tags,
    paths: profile.paths,
    components: {
      ...profile.components,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token the holder creates in Usta (POST /api/v1/tokens); it reads only that holder’s own credentials.',
        },
      },
    },
  };
}
