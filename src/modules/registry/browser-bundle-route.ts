import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';

/** The in-browser verifier, built with the web app (`npm run build:web`; see browser/vite.config.ts). */
export const VERIFY_BUNDLE_DIR = fileURLToPath(new URL('../../../dist/verify/', import.meta.url));

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json; charset=utf-8' };

/**
 * Serves /verify/assets/*. The entry keeps its name, so the page can name it; the chunks it loads
 * carry a content hash and may be cached for good.
 */
export async function browserBundleRoute(app: FastifyInstance): Promise<void> {
  app.get('/verify/assets/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const type = TYPES[path.extname(name)];
    if (!type || !/^[\w.-]+$/.test(name)) throw new AppError('not_found');
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path.join(VERIFY_BUNDLE_DIR, name));
    } catch {
      throw new AppError('not_found');
    }
    const immutable = name !== 'verify.js';
    return reply
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
      .type(type)
      .send(bytes);
  });
}
