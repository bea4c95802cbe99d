import './shims/buffer.js';
import IntlMessageFormat from 'intl-messageformat';
import { readPdfAttachments } from '../../../platform/pdf/attachments.js';
import { checkCertificatePdf } from '../../../platform/pdf/visible-fields.js';
import { httpSources } from '../../credentials/http-sources.js';
import type { CredentialSources } from '../../credentials/credential-sources.js';
import { verifyCredentialFile, type FileVerification, type PdfReader } from '../../credentials/verify-file.js';

/** PDF.js runs its parser on the page's own thread: no worker file to serve, no script compiled at run time. */
async function mainThreadPdfJs(): Promise<void> {
  const scope = globalThis as { pdfjsWorker?: unknown };
  scope.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}

/** The same PDF checks as the server's, with pdf-lib and PDF.js running in the browser. */
export const browserPdfReader: PdfReader = {
  attachments: (pdf) => readPdfAttachments(pdf),
  async visibleFields(pdf, expected) {
    await mainThreadPdfJs();
    return checkCertificatePdf(pdf, expected);
  },
};

/**
 * The issuer's DID document and status lists, fetched from this deployment only: a credential
 * naming another issuer finds no keys here, exactly as on the server.
 */
export function sameOriginSources(origin: string, fetcher: typeof globalThis.fetch = globalThis.fetch.bind(globalThis)): CredentialSources {
  const http = httpSources({ fetch: fetcher });
  return {
    didDocument: (did, url) => (url.origin === origin ? http.didDocument(did, url) : Promise.resolve(null)),
    statusList: (url) => (url.origin === origin ? http.statusList(url) : Promise.resolve(null)),
  };
}

export function verifyLocally(bytes: Uint8Array, sources: CredentialSources): Promise<FileVerification> {
  return verifyCredentialFile(bytes, { sources, pdf: browserPdfReader });
}

export interface CheckLine {
  name: string;
  ok: boolean;
  text: string;
}

/** The page's message templates, formatted as on the server (ICU MessageFormat). */
export function translator(locale: string, messages: Record<string, string>) {
  const t = (key: string, values?: Record<string, string>): string => {
    const source = messages[key];
    return source === undefined ? key : String(new IntlMessageFormat(source, locale).format(values));
  };
  const failure = (code: string | undefined, values?: Record<string, string>) => {
    const key = `credentials.verify.failed.${code ?? 'format'}`;
    return t(key in messages ? key : 'credentials.verify.failed.format', values);
  };
  return { t, failure };
}

/** The lines the server's result page shows, for the same verification. */
export function checkLines(tr: ReturnType<typeof translator>, verification: FileVerification): CheckLine[] {
  const lines: CheckLine[] = verification.noCredential
    ? [{ name: 'attachment', ok: false, text: tr.t('credentials.verify.failed.no_credential') }]
    : verification.result.checks.map((check) => {
        if (!check.ok) return { name: check.name, ok: false, text: tr.failure(check.code) };
        const passed = check.name === 'status' && check.reason ? 'status_none' : check.name;
        return { name: check.name, ok: true, text: tr.t(`credentials.verify.passed.${passed}`, { issuer: verification.issuer ?? '' }) };
      });
  for (const check of verification.pdf?.checks ?? []) {
    lines.push({
      name: check.name,
      ok: check.ok,
      text: check.ok ? tr.t('credentials.verify.passed.pdf') : tr.failure(check.reason, { found: check.found ?? '', expected: check.expected ?? '' }),
    });
  }
  return lines;
}
