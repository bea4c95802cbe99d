import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALES, type Locale } from '../../config.js';
import { INTL_LOCALE, isLocale, Messages, type Translator } from '../../platform/i18n/catalogue.js';
import { cachingSources, defaultCacheDir, offlineSources, refreshCache } from './cached-sources.js';
import type { CredentialSources } from './credential-sources.js';
import { httpSources } from './http-sources.js';
import { nodePdfReader } from './node-pdf-reader.js';
import { verifyCredentialFile, type FileVerification, type SourceUse } from './verify-file.js';

export const VERIFY_USAGE = `Usage: usta verify <file> [--offline] [--cache <folder>] [--lang ${LOCALES.join('|')}] [--json]
       usta verify --refresh [--cache <folder>]

Verifies a credential: JSON with an embedded proof, a VC-JWT, or a certificate PDF with the
credential attached. Online, the issuer's DID document and status lists are fetched from the
issuer's own address and kept in the cache (default ~/.cache/usta); --offline uses only the cache
and says how old it is; --refresh fetches everything in the cache again.
Exit status: 0 valid, 1 not valid, 2 usage error.`;

export interface CommandIo {
  env: Record<string, string | undefined>;
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  now?: Date;
  fetch?: typeof globalThis.fetch;
}

/** --lang, then the usual locale variables (LC_ALL, LC_MESSAGES, LANG); English otherwise. */
function chooseLocale(flag: string | undefined, env: CommandIo['env']): Locale | null {
  if (flag !== undefined) return isLocale(flag) ? flag : null;
  for (const value of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!value) continue;
    const language = value.slice(0, 2).toLowerCase();
    return isLocale(language) ? language : 'en';
  }
  return 'en';
}

function age(tr: Translator, then: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(INTL_LOCALE[tr.locale], { numeric: 'auto' });
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(-Math.floor(seconds / size), unit);
  return format.format(-Math.max(seconds, 0), 'second');
}

function sourceLine(tr: Translator, use: SourceUse, offline: boolean, now: Date): string {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const values = { did: use.key, url: use.url };
  if (use.refused) return tr.t('credentials.verify.source.status_refused', values);
  if (!use.found) return tr.t(`credentials.verify.source.${use.kind}_missing${offline ? '_offline' : ''}`, values);
  if (!use.found.fromCache) return tr.t(`credentials.verify.source.${use.kind}_fetched`, values);
  const when = { ...values, age: age(tr, use.found.fetchedAt, now), date: tr.formatDateTime(use.found.fetchedAt, timeZone) };
  return tr.t(`credentials.verify.source.${use.kind}_cached`, when);
}

function failure(tr: Translator, code: string | undefined, values: Record<string, unknown> = {}): string {
  const key = `credentials.verify.failed.${code ?? 'format'}`;
  return tr.t(tr.has(key) ? key : 'credentials.verify.failed.format', values);
}

function report(tr: Translator, file: string, verification: FileVerification, options: { offline: boolean; cacheDir: string; now: Date }): string[] {
  const t = (key: string, values?: Record<string, unknown>) => tr.t(`credentials.verify.${key}`, values);
  const lines = [`${file}: ${t(`kind.${verification.input ?? 'unknown'}`)}`, options.offline ? t('mode.offline', { dir: options.cacheDir }) : t('mode.online'), ''];
  const line = (ok: boolean, name: string, text: string, detail?: string) => {
    lines.push(`  ${ok ? '✓' : '✗'} ${t(`check.${name}`)}: ${text}`);
    if (!ok && detail) lines.push(`      ${detail}`);
  };
  if (verification.noCredential) {
    line(false, 'attachment', t('failed.no_credential'));
  } else {
    for (const check of verification.result.checks) {
      if (check.ok) {
        const passed = check.name === 'status' && check.reason ? 'status_none' : check.name;
        line(true, check.name, t(`passed.${passed}`, { issuer: verification.issuer ?? '' }));
      } else {
        line(false, check.name, failure(tr, check.code), check.reason);
      }
    }
  }
  for (const check of verification.pdf?.checks ?? []) {
    line(check.ok, check.name, check.ok ? t('passed.pdf') : failure(tr, check.reason, { found: check.found ?? '', expected: check.expected ?? '' }));
  }
  const didWeb = verification.sources.some((use) => use.kind === 'did');
  if (verification.issuer && !didWeb) lines.push('', t('source.no_did', { issuer: verification.issuer }));
  if (verification.sources.length > 0) {
    lines.push('', `${t('sources')}:`);
    for (const use of verification.sources) lines.push(`  ${sourceLine(tr, use, options.offline, options.now)}`);
  }
  lines.push('', t(verification.valid ? 'result.valid' : 'result.invalid'));
  return lines;
}

/** `usta verify …`: returns the exit status (0 valid, 1 not valid, 2 usage error). */
export async function runVerifyCommand(args: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        offline: { type: 'boolean' },
        refresh: { type: 'boolean' },
        cache: { type: 'string' },
        lang: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`usta verify: ${(error as Error).message}\n\n${VERIFY_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`${VERIFY_USAGE}\n`);
    return 0;
  }
  const locale = chooseLocale(values.lang, io.env);
  if (!locale) {
    io.err(`usta verify: --lang must be one of ${LOCALES.join(', ')}\n`);
    return 2;
  }
  const tr = new Messages().translator(locale);
  const usage = (message: string) => {
    io.err(`usta verify: ${message}\n\n${VERIFY_USAGE}\n`);
    return 2;
  };
  const cacheDir = path.resolve(io.cwd, values.cache ?? defaultCacheDir(io.env));
  const errors: string[] = [];
  const http = httpSources({ ...(io.fetch ? { fetch: io.fetch } : {}), onError: (url, reason) => errors.push(`${url.href}: ${reason}`) });

  if (values.refresh) {
    if (values.offline) return usage(tr.t('credentials.verify.error.offline_refresh'));
    if (positionals.length === 0) {
      const { refreshed, failed } = await refreshCache(cacheDir, http);
      for (const url of failed) io.err(`${tr.t('credentials.verify.refresh_failed', { url })}\n`);
      io.out(`${tr.t('credentials.verify.refreshed', { count: refreshed, dir: cacheDir })}\n`);
      return failed.length > 0 ? 1 : 0;
    }
  }
  if (positionals.length !== 1) return usage(tr.t('credentials.verify.error.no_file'));
  const file = positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(path.resolve(io.cwd, file)));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    io.err(`usta verify: ${tr.t('credentials.verify.error.unreadable', { file, reason })}\n`);
    return 2;
  }
  const offline = values.offline === true;
  const sources: CredentialSources = offline ? offlineSources(cacheDir) : cachingSources(http, cacheDir);
  const now = io.now ?? new Date();
  const verification = await verifyCredentialFile(bytes, { sources, pdf: nodePdfReader, now });
  if (values.json) {
    io.out(`${JSON.stringify({ file, offline, ...verification }, null, 2)}\n`);
  } else {
    io.out(`${report(tr, file, verification, { offline, cacheDir, now }).join('\n')}\n`);
    for (const error of errors) io.err(`usta verify: ${error}\n`);
  }
  return verification.valid ? 0 : 1;
}
