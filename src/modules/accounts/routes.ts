import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { SESSION_COOKIE } from '../../platform/auth/plugin.js';
import { requireAuth } from '../../platform/auth/access.js';
import { tokenHash } from '../../platform/auth/secrets.js';
import { AppError } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http/schema-types.js';
import { isLocale } from '../../platform/i18n/catalogue.js';
import type { Services } from '../../platform/services.js';
import { createApiToken } from './create-api-token.js';
import { deleteSession, listApiTokens, revokeApiToken, updateUserLocale } from './repository.js';
import { memberRoutes } from './member-routes.js';
import { outboxRoutes } from './outbox-routes.js';
import { pageRoutes } from './page-routes.js';
import { PASSWORD_RESET_RATE_LIMIT, SIGN_IN_RATE_LIMIT } from './rate-limits.js';
import { requestPasswordReset } from './request-password-reset.js';
import { resetPassword } from './reset-password.js';
import {
  ApiToken,
  CreateTokenBody,
  IdParams,
  NewApiToken,
  PasswordResetAccepted,
  PasswordResetBody,
  PasswordResetConfirmBody,
  SessionInfo,
  SignInBody,
  SignUpBody,
} from './schemas.js';
import { clearSessionCookie, setLocaleCookie, setSessionCookie } from './session-cookie.js';
import { signIn } from './sign-in.js';
import { signUp } from './sign-up.js';

const errors = errorResponses(400, 401, 403, 429);
const tags = ['accounts'];

export async function accountsRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = services;

  await app.register(pageRoutes, services);
  await app.register(memberRoutes, services);
  await app.register(outboxRoutes, services);

  app.post(
    '/api/v1/users',
    {
      config: { access: 'public', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Open an account (sign up); signs in and sets the session cookie',
        body: SignUpBody,
        response: { 201: SessionInfo, ...errorResponses(409), ...errors },
      },
    },
    async (request, reply) => {
      const result = await signUp(db, request.body);
      setSessionCookie(reply, config, result.sessionToken, result.expiresAt);
      setLocaleCookie(reply, config, result.auth.user.locale);
      return reply
        .code(201)
        .send({ user: result.auth.user, memberships: result.auth.memberships, csrfToken: reply.generateCsrf() });
    },
  );

  app.post(
    '/api/v1/password-resets',
    {
      config: { access: 'public', rateLimit: PASSWORD_RESET_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Send a password reset link to this address, if an account has it',
        body: PasswordResetBody,
        response: { 202: PasswordResetAccepted, ...errors },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(services, { email: request.body.email });
      return reply.code(202).send({ message: request.tr.t('accounts.forgot.sent') });
    },
  );

  app.post(
    '/api/v1/password-resets/confirm',
    {
      config: { access: 'public', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Choose a new password with the token from a reset or invitation link; ends every session of the account',
        body: PasswordResetConfirmBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await resetPassword(db, { token: request.body.token, password: request.body.password });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/session',
    {
      config: { access: 'public', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: SignInBody,
        response: { 200: SessionInfo, ...errors },
      },
    },
    async (request, reply) => {
      const result = await signIn(db, request.body);
      setSessionCookie(reply, config, result.sessionToken, result.expiresAt);
      if (isLocale(result.auth.user.locale)) setLocaleCookie(reply, config, result.auth.user.locale);
      return { user: result.auth.user, memberships: result.auth.memberships, csrfToken: reply.generateCsrf() };
    },
  );

  app.get(
    '/api/v1/session',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Who is signed in, and the CSRF token for this session', response: { 200: SessionInfo, ...errors } },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      return { user: auth.user, memberships: auth.memberships, csrfToken: reply.generateCsrf() };
    },
  );

  app.delete(
    '/api/v1/session',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign out', response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await deleteSession(db, tokenHash(cookie));
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/session/locale',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Choose the interface language; kept in a cookie and, when signed in, on the account',
        body: Type.Object({ locale: Type.Union([Type.Literal('en'), Type.Literal('ru'), Type.Literal('uz'), Type.Literal('kk'), Type.Literal('lv')]) }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      if (request.auth) await updateUserLocale(db, request.auth.user.id, request.body.locale);
      setLocaleCookie(reply, config, request.body.locale);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Create an API token with your rights', body: CreateTokenBody, response: { 201: NewApiToken, ...errors } },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const token = await createApiToken(db, { userId: auth.user.id, name: request.body.name });
      return reply.code(201).send(token);
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Your API tokens (without their secrets)', response: { 200: Type.Object({ items: Type.Array(ApiToken) }), ...errors } },
    },
    async (request) => ({ items: await listApiTokens(db, requireAuth(request.auth).user.id) }),
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Revoke one of your API tokens', params: IdParams, response: { 204: Type.Null(), ...errorResponses(404), ...errors } },
    },
    async (request, reply) => {
      const ok = await revokeApiToken(db, requireAuth(request.auth).user.id, request.params.id);
      if (!ok) throw new AppError('not_found', { values: { what: 'token' } });
      return reply.code(204).send(null);
    },
  );
}
