import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Locale } from '../../config.js';
import { isLocale, negotiateLocale, type Messages } from '../i18n/catalogue.js';

export const LOCALE_COOKIE = 'usta_lang';

/**
 * Sets `request.locale` and `request.tr`: an explicit `?lang=`, then the language cookie, then the
 * signed-in user's choice (applied by the auth plugin), then Accept-Language.
 */
export const localePlugin = fp(
  async (app: FastifyInstance, opts: { messages: Messages; fallback: Locale }) => {
    app.decorateRequest('locale', opts.fallback);
    app.decorateRequest('tr', null as never);
    app.addHook('onRequest', (request, _reply, done) => {
      const query = request.query as Record<string, unknown> | undefined;
      const fromQuery = query?.lang;
      const fromCookie = request.cookies[LOCALE_COOKIE];
      const locale = isLocale(fromQuery)
        ? fromQuery
        : isLocale(fromCookie)
          ? fromCookie
          : negotiateLocale(request.headers['accept-language'], opts.fallback);
      request.locale = locale;
      request.tr = opts.messages.translator(locale);
      done();
    });
  },
  { name: 'usta-locale', dependencies: ['@fastify/cookie'] },
);

export function setRequestLocale(request: { locale: Locale; tr: unknown }, messages: Messages, locale: Locale): void {
  request.locale = locale;
  request.tr = messages.translator(locale);
}
