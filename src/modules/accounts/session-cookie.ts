import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.js';
import { SESSION_COOKIE } from '../../platform/auth/plugin.js';
import { LOCALE_COOKIE } from '../../platform/http/locale.js';
import { isLocale } from '../../platform/i18n/catalogue.js';

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}

/** The interface language persists in a cookie (a year) and, when signed in, on the account. */
export function setLocaleCookie(reply: FastifyReply, config: Config, locale: string): void {
  reply.setCookie(LOCALE_COOKIE, locale, {
    path: '/',
    httpOnly: false,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: 365 * 24 * 3600,
  });
}

/** After signing in, up or again: the new session's cookie, and the account's language for the interface. */
export function setSignedInCookies(
  reply: FastifyReply,
  config: Config,
  session: { sessionToken: string; expiresAt: Date; auth: { user: { locale: string } } },
): void {
  setSessionCookie(reply, config, session.sessionToken, session.expiresAt);
  if (isLocale(session.auth.user.locale)) setLocaleCookie(reply, config, session.auth.user.locale);
}
