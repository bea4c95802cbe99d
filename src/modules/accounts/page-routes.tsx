import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../platform/auth/plugin.js';
import { tokenHash } from '../../platform/auth/secrets.js';
import { fieldError } from '../../platform/errors.js';
import type { Services } from '../../platform/services.js';
import { pageContext, safeNext, sendPage } from '../../web/server/render.js';
import { AccountFormPage } from './pages/account-form.js';
import { ForgotPasswordPage } from './pages/forgot-password.js';
import { formError, formValues, type FormState } from './pages/form-state.js';
import { ResetPasswordPage } from './pages/reset-password.js';
import { SignInPage } from './pages/sign-in.js';
import { PASSWORD_RESET_RATE_LIMIT, SIGN_IN_RATE_LIMIT } from './rate-limits.js';
import { deleteSession, isPasswordResetLive } from './repository.js';
import { requestPasswordReset } from './request-password-reset.js';
import { resetPassword } from './reset-password.js';
import { clearSessionCookie, setSignedInCookies } from './session-cookie.js';
import { assertSetupOpen, setUpFirstAdmin } from './set-up-first-admin.js';
import { signIn, type SignInResult } from './sign-in.js';
import { signUp } from './sign-up.js';

const page = { access: 'public', html: true } as const;
const EMPTY: FormState = { values: {} };

function nextOf(request: FastifyRequest, values: Record<string, string> = {}): string {
  const query = request.query as Record<string, unknown>;
  return safeNext(values.next ?? query.next, '/app');
}

function queryToken(request: FastifyRequest): string {
  const token = (request.query as Record<string, unknown>).token;
  return typeof token === 'string' ? token : '';
}

/**
 * The account pages: plain HTML forms that work without JavaScript. A problem the person can fix
 * re-renders the form with their input and a message next to each field.
 */
export async function pageRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db, config } = services;

  /** Replaces whatever session the browser had with the new one, then goes on. */
  const enter = async (request: FastifyRequest, reply: FastifyReply, result: SignInResult, to: string) => {
    const previous = request.cookies[SESSION_COOKIE];
    if (previous) await deleteSession(db, tokenHash(previous));
    setSignedInCookies(reply, config, result);
    return reply.redirect(to, 303);
  };

  const signInPage = (request: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const ctx = pageContext(request, reply, { csrf: true });
    const body = <SignInPage ctx={ctx} state={state} next={nextOf(request, state.values)} />;
    return sendPage(reply, ctx, { title: ctx.tr.t('accounts.sign_in.title'), body, status });
  };

  app.get('/sign-in', { config: page }, async (request, reply) => {
    if (request.auth) return reply.redirect(nextOf(request), 303);
    return signInPage(request, reply, EMPTY);
  });

  app.post('/sign-in', { config: { ...page, rateLimit: SIGN_IN_RATE_LIMIT } }, async (request, reply) => {
    const values = formValues(request.body);
    try {
      if (!values.email?.trim()) throw fieldError('email', 'required');
      const result = await signIn(db, { email: values.email, password: values.password ?? '' });
      return await enter(request, reply, result, nextOf(request, values));
    } catch (error) {
      const shown = formError(error, request.tr, values);
      if (!shown) throw error;
      return signInPage(request, reply, shown.state, shown.status);
    }
  });

  app.post('/sign-out', { config: page }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await deleteSession(db, tokenHash(cookie));
    clearSessionCookie(reply, config);
    return reply.redirect('/', 303);
  });

  const accountForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    kind: 'sign_up' | 'setup',
    state: FormState,
    status = 200,
  ) => {
    const ctx = pageContext(request, reply, { csrf: true });
    const { tr } = ctx;
    const title = tr.t(`accounts.${kind}.title`);
    const body =
      kind === 'sign_up' ? (
        <AccountFormPage
          ctx={ctx}
          state={state}
          title={title}
          lead={tr.t('accounts.sign_up.lead')}
          action="/sign-up"
          submit={tr.t('accounts.sign_up.submit')}
          next={nextOf(request, state.values)}
        >
          <p>
            {tr.t('accounts.sign_up.have_account')} <a href="/sign-in">{tr.t('accounts.sign_in.title')}</a>
          </p>
        </AccountFormPage>
      ) : (
        <AccountFormPage
          ctx={ctx}
          state={state}
          title={title}
          lead={tr.t('accounts.setup.lead')}
          action="/setup"
          submit={tr.t('accounts.setup.submit')}
        />
      );
    return sendPage(reply, ctx, { title, body, status });
  };

  const accountValues = (values: Record<string, string>) => ({
    email: values.email ?? '',
    displayName: values.displayName ?? '',
    password: values.password ?? '',
    passwordRepeat: values.passwordRepeat ?? '',
    locale: values.locale ?? '',
  });

  app.get('/sign-up', { config: page }, async (request, reply) => {
    if (request.auth) return reply.redirect(nextOf(request), 303);
    return accountForm(request, reply, 'sign_up', EMPTY);
  });

  app.post('/sign-up', { config: { ...page, rateLimit: SIGN_IN_RATE_LIMIT } }, async (request, reply) => {
    const values = formValues(request.body);
    try {
      const result = await signUp(db, accountValues(values));
      return await enter(request, reply, result, nextOf(request, values));
    } catch (error) {
      const shown = formError(error, request.tr, values);
      if (!shown) throw error;
      return accountForm(request, reply, 'sign_up', shown.state, shown.status);
    }
  });

  app.get('/setup', { config: page }, async (request, reply) => {
    await assertSetupOpen(db);
    return accountForm(request, reply, 'setup', EMPTY);
  });

  app.post('/setup', { config: { ...page, rateLimit: SIGN_IN_RATE_LIMIT } }, async (request, reply) => {
    const values = formValues(request.body);
    try {
      const result = await setUpFirstAdmin(db, accountValues(values));
      return await enter(request, reply, result, '/app');
    } catch (error) {
      const shown = formError(error, request.tr, values);
      if (!shown) throw error;
      return accountForm(request, reply, 'setup', shown.state, shown.status);
    }
  });

  const forgotPage = (request: FastifyRequest, reply: FastifyReply, state: FormState, sent: boolean, status = 200) => {
    const ctx = pageContext(request, reply, { csrf: true });
    const body = <ForgotPasswordPage ctx={ctx} state={state} sent={sent} />;
    return sendPage(reply, ctx, { title: ctx.tr.t('accounts.forgot.title'), body, status });
  };

  app.get('/forgot-password', { config: page }, async (request, reply) => forgotPage(request, reply, EMPTY, false));

  app.post('/forgot-password', { config: { ...page, rateLimit: PASSWORD_RESET_RATE_LIMIT } }, async (request, reply) => {
    const values = formValues(request.body);
    const email = values.email?.trim() ?? '';
    if (!email) {
      const shown = formError(fieldError('email', 'required'), request.tr, values)!;
      return forgotPage(request, reply, shown.state, false, shown.status);
    }
    await requestPasswordReset(services, { email });
    return forgotPage(request, reply, EMPTY, true);
  });

  const resetPage = (request: FastifyRequest, reply: FastifyReply, state: FormState, token: string | null, status = 200) => {
    const ctx = pageContext(request, reply, { csrf: true });
    const body = <ResetPasswordPage ctx={ctx} state={state} token={token} />;
    return sendPage(reply, ctx, { title: ctx.tr.t('accounts.reset.title'), body, status });
  };

  app.get('/reset-password', { config: page }, async (request, reply) => {
    // The token travels in the address; keep it out of the Referer of anything the page links to.
    reply.header('referrer-policy', 'no-referrer');
    const token = queryToken(request);
    if (!token || !(await isPasswordResetLive(db, tokenHash(token)))) return resetPage(request, reply, EMPTY, null, 400);
    return resetPage(request, reply, EMPTY, token);
  });

  app.post('/reset-password', { config: { ...page, rateLimit: SIGN_IN_RATE_LIMIT } }, async (request, reply) => {
    const values = formValues(request.body);
    const token = values.token ?? '';
    try {
      const result = await resetPassword(db, {
        token,
        password: values.password ?? '',
        passwordRepeat: values.passwordRepeat ?? '',
        signIn: true,
      });
      return await enter(request, reply, result!, '/app');
    } catch (error) {
      const shown = formError(error, request.tr, {});
      if (!shown) throw error;
      return resetPage(request, reply, shown.state, shown.state.fields ? token : null, shown.status);
    }
  });
}
