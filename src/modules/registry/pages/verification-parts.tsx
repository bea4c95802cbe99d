import type { PageContext } from '../../../web/server/layout.js';
import { CsrfField } from '../../../web/server/layout.js';
import type { VisibleCheck } from '../../../platform/pdf/visible-fields.js';
import type { Check } from '../../credentials/verify-credential.js';
import type { FileVerification } from '../../credentials/verify-file.js';
import { UPLOAD_LIMIT_MB } from '../upload-limits.js';

/** One line per check: what was checked, whether it passed, and in words what failed. */
export interface CheckLine {
  name: string;
  ok: boolean;
  text: string;
}

function failureText(ctx: PageContext, code: string | undefined, values: Record<string, unknown> = {}): string {
  const key = `credentials.verify.failed.${code ?? 'format'}`;
  return ctx.tr.t(ctx.tr.has(key) ? key : 'credentials.verify.failed.format', values);
}

export function credentialCheckLines(ctx: PageContext, checks: readonly Check[], issuer: string | null): CheckLine[] {
  return checks.map((check) => {
    if (!check.ok) return { name: check.name, ok: false, text: failureText(ctx, check.code) };
    const passed = check.name === 'status' && check.reason ? 'status_none' : check.name;
    return { name: check.name, ok: true, text: ctx.tr.t(`credentials.verify.passed.${passed}`, { issuer: issuer ?? '' }) };
  });
}

export function pdfCheckLines(ctx: PageContext, checks: readonly VisibleCheck[]): CheckLine[] {
  return checks.map((check) => ({
    name: check.name,
    ok: check.ok,
    text: check.ok ? ctx.tr.t('credentials.verify.passed.pdf') : failureText(ctx, check.reason, { found: check.found ?? '', expected: check.expected ?? '' }),
  }));
}

export function CheckList({ ctx, lines }: { ctx: PageContext; lines: readonly CheckLine[] }) {
  return (
    <ul className="checks">
      {lines.map((line, i) => (
        <li key={`${line.name}-${i}`} className={line.ok ? 'check-ok' : 'check-failed'} data-check={line.name} data-ok={line.ok ? 'true' : 'false'}>
          <span aria-hidden="true">{line.ok ? '✓ ' : '✗ '}</span>
          <strong>{ctx.tr.t(`credentials.verify.check.${line.name}`)}</strong>: <span className="check-result">{ctx.tr.t(line.ok ? 'registry.verify.ok' : 'registry.verify.failed')}</span>
          {' — '}
          {line.text}
        </li>
      ))}
    </ul>
  );
}

/** Message keys the in-browser verifier needs, handed to it with the page. */
const BROWSER_MESSAGE_PREFIXES = ['credentials.verify.check.', 'credentials.verify.passed.', 'credentials.verify.failed.', 'credentials.verify.kind.', 'registry.verify.upload.', 'registry.verify.ok', 'registry.verify.failed'];

export function browserMessages(catalogue: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(catalogue).filter(([key]) => BROWSER_MESSAGE_PREFIXES.some((prefix) => key.startsWith(prefix))));
}

/**
 * The upload form. It posts to the server and works without script; when the browser bundle
 * loads, it verifies the file in the page instead and the post is not needed.
 */
export function UploadForm({ ctx, messages }: { ctx: PageContext; messages: Record<string, string> }) {
  const { tr } = ctx;
  const json = JSON.stringify({ locale: ctx.locale, messages }).replace(/</g, '\\u003c');
  return (
    <section aria-labelledby="upload-heading" className="verify-upload">
      <h2 id="upload-heading">{tr.t('registry.verify.upload.heading')}</h2>
      <p>{tr.t('registry.verify.upload.lead')}</p>
      <form method="post" action="/verify" encType="multipart/form-data" className="stacked" data-verify-upload="">
        <CsrfField ctx={ctx} />
        <div className="field">
          <label htmlFor="field-file">{tr.t('registry.verify.upload.file')}</label>
          <p className="hint" id="field-file-hint">
            {tr.t('registry.verify.upload.hint', { size: UPLOAD_LIMIT_MB })}
          </p>
          <input id="field-file" name="file" type="file" required accept=".pdf,.json,.jsonld,.jwt,application/pdf,application/json,application/ld+json" aria-describedby="field-file-hint" />
        </div>
        <button type="submit">{tr.t('registry.verify.upload.submit')}</button>
      </form>
      <div id="verify-local-result" aria-live="polite"></div>
      <script type="application/json" id="verify-messages" dangerouslySetInnerHTML={{ __html: json }} />
      <script type="module" src="/verify/assets/verify.js" />
    </section>
  );
}

/** The server's answer to an uploaded file, check by check. */
export function UploadResult({ ctx, fileName, verification, ownIssuer }: { ctx: PageContext; fileName: string; verification: FileVerification; ownIssuer: string }) {
  const { tr } = ctx;
  const lines = verification.noCredential
    ? [{ name: 'attachment', ok: false, text: tr.t('credentials.verify.failed.no_credential') }]
    : credentialCheckLines(ctx, verification.result.checks, verification.issuer);
  lines.push(...pdfCheckLines(ctx, verification.pdf?.checks ?? []));
  return (
    <section aria-labelledby="upload-result-heading" className="verify-result" data-valid={verification.valid ? 'true' : 'false'}>
      <h2 id="upload-result-heading">{tr.t('registry.verify.upload.result', { file: fileName })}</h2>
      <div className={verification.valid ? 'notice notice-valid' : 'notice notice-warning'} role="status">
        <p>
          <strong>{tr.t(verification.valid ? 'registry.verify.upload.valid' : 'registry.verify.upload.invalid')}</strong>
        </p>
        <p>{tr.t('registry.verify.upload.kind', { kind: tr.t(`credentials.verify.kind.${verification.input ?? 'unknown'}`) })}</p>
        {verification.issuer && verification.issuer !== ownIssuer ? <p>{tr.t('registry.verify.upload.foreign_issuer', { issuer: verification.issuer })}</p> : null}
      </div>
      <CheckList ctx={ctx} lines={lines} />
    </section>
  );
}
