import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import type { AuthContext } from './access.js';
import { tokenHash } from './secrets.js';

export const SESSION_COOKIE = 'usta_session';
export const TOKEN_PREFIX = 'usta_';

export interface AuthResolvers {
  /** Looks up a live session by the SHA-256 of its cookie value. */
  bySessionHash(hash: string): Promise<AuthContext | null>;
  /** Looks up a live API token by its SHA-256. */
  byTokenHash(hash: string): Promise<AuthContext | null>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isFormPost(request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

/**
 * Resolves who is calling (session cookie or `Authorization: Bearer`), enforces each route's
 * declared access, and checks the CSRF token on every state-changing request that a browser could
 * forge: cookie-authenticated requests and all form posts. Bearer-token calls carry no ambient
 * authority and need no CSRF token.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: AuthResolvers) => {
    app.decorateRequest('auth', null);

    app.addHook('onRoute', (route) => {
      if (!route.config?.access) {
        throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
      }
    });

    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      if (header?.startsWith('Bearer ')) {
        const token = header.slice(7).trim();
        const auth = token.startsWith(TOKEN_PREFIX) ? await opts.byTokenHash(tokenHash(token)) : null;
        if (!auth) throw new AppError('unauthenticated');
        request.auth = auth;
        return;
      }
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) request.auth = await opts.bySessionHash(tokenHash(cookie));
    });

    app.addHook('preHandler', async (request, reply) => {
      const access = request.routeOptions.config?.access;
      if (access === 'signed_in' && !request.auth) throw new AppError('unauthenticated');
      if (access === 'platform_admin') {
        if (!request.auth) throw new AppError('unauthenticated');
        if (!request.auth.user.isPlatformAdmin) throw new AppError('forbidden');
      }
      const viaToken = request.auth?.via === 'token';
      const exempt = request.routeOptions.config?.csrf === false;
      if (UNSAFE.has(request.method) && !viaToken && !exempt && (request.auth?.via === 'session' || isFormPost(request))) {
        await new Promise<void>((resolve, reject) => {
          app.csrfProtection(request, reply, (err?: Error) => (err ? reject(new AppError('csrf')) : resolve()));
        });
      }
    });
  },
  { name: 'usta-auth', dependencies: ['@fastify/cookie', '@fastify/csrf-protection'] },
);
