import path from 'node:path';

export const LOCALES = ['en', 'ru', 'uz', 'kk', 'lv'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Config {
  port: number;
  host: string;
  /** Public base URL of the deployment, used in links inside e-mails and credentials. */
  publicUrl: string;
  /** `postgres://…` selects a PostgreSQL server; otherwise the embedded PGlite database in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  demo: boolean;
  adminEmail: string | null;
  adminPassword: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  /** Secure cookies need HTTPS; off only when the public URL is plain http (local use). */
  secureCookies: boolean;
  logLevel: string;
  defaultLocale: Locale;
  /** Background workers (outbox delivery, jobs); tests turn them off to drive them by hand. */
  workers: boolean;
  /** Seals the issuer's private keys (USTA_KEY_PASSPHRASE); null keeps them unencrypted. */
  keyPassphrase: string | null;
  /** Keeps the issuer keys in this file instead of the database (USTA_KEY_FILE). */
  keyFile: string | null;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function readPort(env: Env): number {
  const raw = env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 0 or 1, got "${raw}"`);
}

function readDatabaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return null;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return raw;
}

/** Reads the environment once into a typed object; throws ConfigError with a readable message on a bad value. */
export function loadConfig(env: Env = process.env): Config {
  const port = readPort(env);
  const publicUrl = (env.USTA_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicUrl)) throw new ConfigError('USTA_PUBLIC_URL must start with http:// or https://');
  const defaultLocale = (env.USTA_DEFAULT_LOCALE ?? 'en') as Locale;
  if (!LOCALES.includes(defaultLocale)) {
    throw new ConfigError(`USTA_DEFAULT_LOCALE must be one of ${LOCALES.join(', ')}`);
  }
  const adminEmail = env.USTA_ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.USTA_ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('USTA_ADMIN_EMAIL and USTA_ADMIN_PASSWORD must be set together');
  }
  if (adminPassword !== null && adminPassword.length < 10) {
    throw new ConfigError('USTA_ADMIN_PASSWORD must have at least 10 characters');
  }
  const keyPassphrase = env.USTA_KEY_PASSPHRASE || null;
  if (keyPassphrase !== null && keyPassphrase.length < 12) {
    throw new ConfigError('USTA_KEY_PASSPHRASE must have at least 12 characters');
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl,
    databaseUrl: readDatabaseUrl(env),
    dataDir: path.resolve(env.USTA_DATA_DIR ?? 'data'),
    demo: readBool(env, 'USTA_DEMO', true),
    adminEmail,
    adminPassword,
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.USTA_MAIL_FROM ?? 'Usta <no-reply@localhost>',
    secureCookies: readBool(env, 'USTA_SECURE_COOKIES', publicUrl.startsWith('https://')),
    logLevel: env.LOG_LEVEL ?? 'info',
    defaultLocale,
    workers: readBool(env, 'USTA_WORKERS', true),
    keyPassphrase,
    keyFile: env.USTA_KEY_FILE?.trim() ? path.resolve(env.USTA_KEY_FILE.trim()) : null,
  };
}
