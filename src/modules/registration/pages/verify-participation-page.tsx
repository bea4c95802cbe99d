import { PublicLayout, type PageContext } from '../../../web/server/layout.js';
import { Acknowledgement, Text } from '../../events/pages/public-parts.js';
import { dateRange } from '../../events/session-format.js';
import type { ParticipationVerification } from '../participation-verify.js';

/** A form to type a code read off a printed certificate; a plain GET, so it works without script. */
function CodeForm({ ctx, code }: { ctx: PageContext; code?: string }) {
  const { tr } = ctx;
  return (
    <form method="get" action="/verify/participation" className="stacked">
      <div className="field">
        <label htmlFor="field-code">{tr.t('registration.participation.verify.code')}</label>
        <p className="hint" id="field-code-hint">
          {tr.t('registration.participation.verify.code_hint')}
        </p>
        <input id="field-code" name="code" type="text" defaultValue={code} required maxLength={40} autoComplete="off" aria-describedby="field-code-hint" />
      </div>
      <button type="submit">{tr.t('registration.participation.verify.check')}</button>
    </form>
  );
}

export function VerifyFormPage({ ctx }: { ctx: PageContext }) {
  return (
    <PublicLayout ctx={ctx} title={ctx.tr.t('registration.participation.verify.title')}>
      <p className="lead">{ctx.tr.t('registration.participation.verify.lead')}</p>
      <CodeForm ctx={ctx} />
    </PublicLayout>
  );
}

export function UnknownCertificatePage({ ctx, code }: { ctx: PageContext; code: string }) {
  const { tr } = ctx;
  return (
    <PublicLayout ctx={ctx} title={tr.t('registration.participation.verify.title')}>
      <div className="notice notice-warning" role="status">
        <p>
          <strong>{tr.t('registration.participation.verify.unknown')}</strong>
        </p>
        <p>{tr.t('registration.participation.verify.unknown_hint')}</p>
      </div>
      <CodeForm ctx={ctx} code={code} />
    </PublicLayout>
  );
}

/** The public answer for a certificate of participation: who, what course, when, by whom — and whether it stands. */
export function VerifyParticipationPage({ ctx, result }: { ctx: PageContext; result: ParticipationVerification }) {
  const { tr, locale } = ctx;
  const valid = result.status === 'valid';
  const dates = dateRange([{ startsAt: result.firstDay }, { startsAt: result.lastDay }], result.timeZone, locale);
  return (
    <PublicLayout ctx={ctx} title={tr.t('registration.participation.verify.title')}>
      <div className={valid ? 'notice notice-valid' : 'notice notice-warning'} role="status">
        <p>
          <strong>{tr.t(valid ? 'registration.participation.verify.valid' : 'registration.participation.verify.withdrawn')}</strong>
        </p>
        <p>{tr.t(valid ? 'registration.participation.verify.valid_text' : 'registration.participation.verify.withdrawn_text')}</p>
      </div>
      <dl className="facts">
        <dt>{tr.t('registration.participation.verify.holder')}</dt>
        <dd>
          <span className="holder-name">{result.fullName}</span>
          {result.nameLatin && result.nameLatin !== result.fullName ? <span className="muted"> ({result.nameLatin})</span> : null}
        </dd>
        <dt>{tr.t('registration.participation.verify.course')}</dt>
        <dd>
          <Text text={result.course} locale={locale} />
        </dd>
        <dt>{tr.t('registration.participation.verify.dates')}</dt>
        <dd>{dates}</dd>
        {result.city ? (
          <>
            <dt>{tr.t('registration.participation.verify.city')}</dt>
            <dd>{result.city}</dd>
          </>
        ) : null}
        <dt>{tr.t('registration.participation.verify.association')}</dt>
        <dd>{result.associationName}</dd>
        <dt>{tr.t('registration.participation.verify.number')}</dt>
        <dd>
          <code>{result.verificationCode}</code>
        </dd>
      </dl>
      <Acknowledgement ctx={ctx} acknowledgement={result.acknowledgement} />
    </PublicLayout>
  );
}
