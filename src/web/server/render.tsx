import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { INTL_LOCALE } from '../../platform/i18n/catalogue.js';
import type { PageContext } from './layout.js';

/** What a page handler needs to render: language, translator, where we are, the CSRF token. */
export function pageContext(request: FastifyRequest, reply: FastifyReply, options: { csrf?: boolean } = {}): PageContext {
  return {
    tr: request.tr,
    locale: request.locale,
    path: request.url.split('?')[0] ?? '/',
    signedIn: request.auth !== null,
    ...(options.csrf ? { csrfToken: reply.generateCsrf() } : {}),
  };
}

/**
 * Sends a complete HTML document rendered on the server. Public pages work without JavaScript:
 * they carry no script at all.
 */
export function sendPage(
  reply: FastifyReply,
  ctx: PageContext,
  page: { title: string; body: ReactElement; status?: number },
): FastifyReply {
  return sendHtml(reply, page.status ?? 200, renderPage(ctx, page));
}

/** The complete HTML document of a page, for callers that keep rendered pages. */
export function renderPage(ctx: PageContext, page: { title: string; body: ReactElement }): string {
  return (
    '<!doctype html>' +
    `<html lang="${INTL_LOCALE[ctx.locale]}">` +
    '<head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(page.title)} · ${escapeHtml(ctx.tr.t('app.name'))}</title>` +
    '<link rel="stylesheet" href="/static/site.css">' +
    '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' +
    '</head><body>' +
    renderToStaticMarkup(page.body) +
    '</body></html>'
  );
}

export function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only same-site paths may be redirect targets, so `?next=` cannot send people elsewhere. */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
