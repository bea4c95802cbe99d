import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { securityHeaderOptions, securityHeaders, securityHeaderValues } from './security-headers.js';

async function headersOf(https: boolean) {
  const app = Fastify();
  await app.register(securityHeaders, securityHeaderOptions(https));
  app.get('/', async () => ({ ok: true }));
  app.get('/page', async (_request, reply) => reply.type('text/html').send('<p>page</p>'));
  const json = await app.inject('/');
  const page = await app.inject('/page');
  await app.close();
  return { json: json.headers, page: page.headers };
}

describe('security headers', () => {
  it('are the same helmet would set on each response, on every route', async () => {
    const { json, page } = await headersOf(false);
    const expected = securityHeaderValues(securityHeaderOptions(false));
    for (const headers of [json, page]) {
      for (const [name, value] of Object.entries(expected)) expect(headers[name], name).toBe(value);
    }
    expect(page['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page['content-security-policy']).toContain("script-src 'self'");
    expect(page['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(page['x-content-type-options']).toBe('nosniff');
    expect(page['x-frame-options']).toBe('SAMEORIGIN');
    expect(page['strict-transport-security']).toBeUndefined();
  });

  it('enforce HTTPS when the application is served over HTTPS', async () => {
    const { page } = await headersOf(true);
    expect(page['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(page['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
