import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import type { AuthContext } from './access.js';
import { tokenHash } from './secrets.js';

export const SESSION_COOKIE = 'usta_session';
export const TOKEN_PREFIX = 'usta_';

/** Lookups that may answer at once (from memory) or later (from the database). */
type Found = AuthContext | null | Promise<AuthContext | null>;

export interface AuthResolvers {
  /** Looks up a live session by the SHA-256 of its cookie value. */
  bySessionHash(hash: string): Found;
  /** Looks up a live API token by its SHA-256. */
  byTokenHash(hash: string): Found;
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

    const settle = (request: FastifyRequest, found: Found, required: boolean, done: (error?: Error) => void) => {
      const apply = (auth: AuthContext | null) => {
        if (!auth && required) return done(new AppError('unauthenticated'));
        request.auth = auth;
        done();
      };
      if (found instanceof Promise) found.then(apply, done);
      else apply(found);
    };

    app.addHook('onRequest', (request, _reply, done) => {
      const header = request.headers.authorization;
      if (header?.startsWith('Bearer ')) {
        const token = header.slice(7).trim();
        settle(request, token.startsWith(TOKEN_PREFIX) ? opts.byTokenHash(tokenHash(token)) : null, true, done);
        return;
      }
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) settle(request, opts.bySessionHash(tokenHash(cookie)), false, done);
      else done();
    });

    app.addHook('preHandler', (request, reply, done) => {
      const access = request.routeOptions.config?.access;
      if (access === 'signed_in' && !request.auth) return done(new AppError('unauthenticated'));
      if (access === 'platform_admin') {
        if (!request.auth) return done(new AppError('unauthenticated'));
        if (!request.auth.user.isPlatformAdmin) return done(new AppError('forbidden'));
      }
      const viaToken = request.auth?.via === 'token';
      const exempt = request.routeOptions.config?.csrf === false;
      if (UNSAFE.has(request.method) && !viaToken && !exempt && (request.auth?.via === 'session' || isFormPost(request))) {
        app.csrfProtection(request, reply, (err?: Error) => done(err ? new AppError('csrf') : undefined));
        return;
      }
      done();
    });
  },
  { name: 'usta-auth', dependencies: ['@fastify/cookie', '@fastify/csrf-protection'] },
);
