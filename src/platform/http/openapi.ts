import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { SwaggerOptions } from '@fastify/swagger';

export const OPENAPI_INFO: NonNullable<Extract<SwaggerOptions, { openapi?: unknown }>['openapi']> = {
  openapi: '3.1.0',
  info: {
    title: 'Usta API',
    version: '1.0.0',
    description:
      'JSON API of Usta. Sign in with POST /api/v1/session (cookie) or send `Authorization: Bearer <token>` ' +
      'with a token from POST /api/v1/tokens. Every error has the shape `{ "error": { "code", "message", "fields"? } }`; ' +
      'messages follow the `Accept-Language` header or the `lang` query parameter (en, ru, uz, kk, lv).',
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http' as const, scheme: 'bearer' },
      session: { type: 'apiKey' as const, in: 'cookie' as const, name: 'usta_session' },
    },
  },
  security: [{ bearer: [] }, { session: [] }],
};

/** The committed copy of the OpenAPI document; a test fails when it differs from the live one. */
export const OPENAPI_FILE = path.join(fileURLToPath(new URL('../../../', import.meta.url)), 'docs', 'api', 'openapi.json');
