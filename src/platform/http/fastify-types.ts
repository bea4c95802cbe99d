import type { Locale } from '../../config.js';
import type { Access, AuthContext } from '../auth/access.js';
import type { Translator } from '../i18n/catalogue.js';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    tr: Translator;
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Pages answer errors with HTML; API routes with the JSON error envelope. */
    html?: boolean;
    /**
     * false: a form post that changes nothing and reveals nothing of the visitor, so it needs no
     * CSRF token (the public upload that verifies a credential; decision 017). Nothing else.
     */
    csrf?: false;
    /**
     * false: a write that changes none of the rows instances keep in memory (accounts, people), so on
     * a PostgreSQL server it answers without waiting for its changes to come back (decision 019).
     * For the busiest public posts: registrations, cancellations, verifying an upload.
     */
    changesKeptRows?: false;
  }
}

export {};
