import { PublicLayout, type PageContext } from '../../../web/server/layout.js';
import { pickTranslation } from '../../../platform/i18n/translated.js';
import type { FileVerification } from '../../credentials/verify-file.js';
import type { CertificateVerification } from '../verify-certificate.js';
import { CheckList, credentialCheckLines, UploadForm, UploadResult } from './verification-parts.js';

export interface VerifyPageProps {
  ctx: PageContext;
  /** Message templates for the in-browser verifier. */
  browserMessages: Record<string, string>;
}

type Verdict = 'valid' | 'suspended' | 'revoked' | 'expired' | 'unconfirmed';

function verdictOf(verification: CertificateVerification): Verdict {
  const { status } = verification.certificate;
  if (status !== 'active') return status;
  return verification.valid ? 'valid' : 'unconfirmed';
}

/** /verify: what the page is for, and the upload form (with the result of an upload, if any). */
export function VerifyHomePage({ ctx, browserMessages, upload, ownIssuer }: VerifyPageProps & { upload?: { fileName: string; verification: FileVerification }; ownIssuer: string }) {
  return (
    <PublicLayout ctx={ctx} title={ctx.tr.t('registry.verify.title')}>
      <p className="lead">{ctx.tr.t('registry.verify.lead')}</p>
      {upload ? <UploadResult ctx={ctx} fileName={upload.fileName} verification={upload.verification} ownIssuer={ownIssuer} /> : null}
      <UploadForm ctx={ctx} messages={browserMessages} />
    </PublicLayout>
  );
}

/** The same answer for an unknown number and a wrong code. */
export function CertificateNotFoundPage({ ctx, browserMessages }: VerifyPageProps) {
  const { tr } = ctx;
  return (
    <PublicLayout ctx={ctx} title={tr.t('registry.verify.title')}>
      <div className="notice notice-warning" role="status">
        <p>
          <strong>{tr.t('registry.verify.not_found')}</strong>
        </p>
        <p>{tr.t('registry.verify.not_found_hint')}</p>
      </div>
      <UploadForm ctx={ctx} messages={browserMessages} />
    </PublicLayout>
  );
}

/** The public answer for a certificate: who, which scheme and level, how long, whether it stands, and each check. */
export function VerifyCertificatePage({ ctx, browserMessages, verification, code }: VerifyPageProps & { verification: CertificateVerification; code: string }) {
  const { tr, locale } = ctx;
  const { certificate, result } = verification;
  const verdict = verdictOf(verification);
  const reason = certificate.reasonCategory ? tr.t(`certification.reason.${certificate.reasonCategory}`) : '';
  const date = (value: string) => tr.formatDate(value, 'long', 'UTC');
  const base = `/verify/${encodeURIComponent(certificate.number)}`;
  const query = `?code=${encodeURIComponent(code)}`;
  return (
    <PublicLayout ctx={ctx} title={tr.t('registry.verify.certificate_title', { number: certificate.number })}>
      <div className={verdict === 'valid' ? 'notice notice-valid' : 'notice notice-warning'} role="status" data-verdict={verdict}>
        <p>
          <strong>{tr.t(`registry.verify.result.${verdict}`)}</strong>
        </p>
        <p>{tr.t(`registry.verify.result.${verdict}_text`, { reason, date: date(certificate.validUntil) })}</p>
      </div>
      <dl className="facts">
        <dt>{tr.t('registry.verify.holder')}</dt>
        <dd>
          <span className="holder-name">{certificate.holderName}</span>
          {certificate.holderNameLatin && certificate.holderNameLatin !== certificate.holderName ? (
            <span className="muted">
              {' '}
              ({certificate.holderNameLatin})
            </span>
          ) : null}
        </dd>
        <dt>{tr.t('registry.verify.scheme')}</dt>
        <dd>{pickTranslation(certificate.scheme, locale)}</dd>
        <dt>{tr.t('registry.verify.level')}</dt>
        <dd>{pickTranslation(certificate.level, locale)}</dd>
        <dt>{tr.t('registry.verify.number')}</dt>
        <dd>
          <code>{certificate.number}</code>
        </dd>
        <dt>{tr.t('registry.verify.issued_on')}</dt>
        <dd>
          <time dateTime={certificate.issuedOn}>{date(certificate.issuedOn)}</time>
        </dd>
        <dt>{tr.t('registry.verify.valid_until')}</dt>
        <dd>
          <time dateTime={certificate.validUntil}>{date(certificate.validUntil)}</time>
        </dd>
        <dt>{tr.t('registry.verify.status')}</dt>
        <dd data-status={certificate.status}>
          {tr.t(`certification.certificate_status.${certificate.status}`)}
          {reason ? ` (${reason})` : null}
        </dd>
      </dl>
      <section aria-labelledby="checks-heading">
        <h2 id="checks-heading">{tr.t('registry.verify.checks')}</h2>
        {result ? <CheckList ctx={ctx} lines={credentialCheckLines(ctx, result.checks, result.credential ? issuerOf(result.credential) : null)} /> : <p>{tr.t('registry.verify.checks_none')}</p>}
      </section>
      {result ? (
        <section aria-labelledby="downloads-heading">
          <h2 id="downloads-heading">{tr.t('registry.verify.downloads')}</h2>
          <ul>
            <li>
              <a href={`${base}/certificate.pdf${query}`}>{tr.t('registry.verify.download_pdf')}</a>
            </li>
            <li>
              <a href={`${base}/credential.json${query}`}>{tr.t('registry.verify.download_json')}</a>
            </li>
            <li>
              <a href={`${base}/credential.jwt${query}`}>{tr.t('registry.verify.download_jwt')}</a>
            </li>
          </ul>
        </section>
      ) : null}
      <UploadForm ctx={ctx} messages={browserMessages} />
    </PublicLayout>
  );
}

function issuerOf(credential: Record<string, unknown>): string | null {
  const issuer = credential.issuer;
  const id = typeof issuer === 'object' && issuer !== null ? (issuer as { id?: unknown }).id : issuer;
  return typeof id === 'string' ? id : null;
}
