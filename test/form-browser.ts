import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../src/app.js';

export interface Page {
  status: number;
  html: string;
  /** The `Location` of a redirect. */
  location: string | undefined;
  /** The CSRF token of the first form on the page, if any. */
  csrf: string | undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" };

/** The page's text with markup removed and entities decoded, for assertions on what a reader sees. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ');
}

/**
 * A browser without JavaScript: keeps cookies, reads the CSRF field of the last page and posts
 * url-encoded forms, the way a plain HTML form would.
 */
export class FormBrowser {
  readonly cookies: Record<string, string> = {};
  private lastCsrf: string | undefined;

  constructor(
    private readonly app: App,
    private readonly headers: Record<string, string> = {},
  ) {}

  private remember(res: LightMyRequestResponse): Page {
    for (const c of res.cookies as Array<{ name: string; value: string; expires?: Date; maxAge?: number }>) {
      const expired = c.value === '' || (c.expires !== undefined && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (expired) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (csrf) this.lastCsrf = csrf;
    const location = res.headers.location;
    return { status: res.statusCode, html: res.body, location: typeof location === 'string' ? location : undefined, csrf };
  }

  async get(url: string): Promise<Page> {
    const res = await this.app.inject({ method: 'GET', url, cookies: this.cookies, headers: { accept: 'text/html', ...this.headers } });
    return this.remember(res);
  }

  /** Posts a form; the CSRF token of the last page is sent unless `csrf: false`. */
  async post(url: string, fields: Record<string, string>, options: { csrf?: boolean } = {}): Promise<Page> {
    const body = new URLSearchParams(fields);
    if (options.csrf !== false && this.lastCsrf) body.set('_csrf', this.lastCsrf);
    const res = await this.app.inject({
      method: 'POST',
      url,
      cookies: this.cookies,
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...this.headers },
      payload: body.toString(),
    });
    return this.remember(res);
  }
}
