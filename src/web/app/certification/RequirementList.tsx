import { useState } from 'react';
import { useI18n } from '../i18n.js';
import { describeRequirement } from './describe.js';
import type { RequirementStatus } from './types.js';

function CheckForm({ requirement, onCheck, busy }: { requirement: RequirementStatus; onCheck: (met: boolean, note: string) => void; busy: boolean }) {
  const { t } = useI18n();
  const [note, setNote] = useState(requirement.check?.note ?? '');
  const id = `check-${requirement.id}`;
  return (
    <div className="inline-form">
      <label htmlFor={id}>{t('web.app.certification.review.check_note')}</label>
      <input id={id} type="text" value={note} onChange={(event) => setNote(event.target.value)} />
      <button type="button" className="small" disabled={busy} onClick={() => onCheck(true, note)}>
        {t('web.app.certification.review.mark_met')}
      </button>
      <button type="button" className="secondary small" disabled={busy} onClick={() => onCheck(false, note)}>
        {t('web.app.certification.review.mark_unmet')}
      </button>
    </div>
  );
}

/** Each requirement: what the records show, and the assessor's tick (which reviewers may set while in review). */
export function RequirementList({
  requirements,
  canCheck,
  busy,
  onCheck,
}: {
  requirements: RequirementStatus[];
  canCheck: boolean;
  busy: boolean;
  onCheck: (requirementId: string, met: boolean, note: string) => void;
}) {
  const i18n = useI18n();
  const { t, formatNumber, formatDateTime } = i18n;
  if (requirements.length === 0) return <p>{t('web.app.certification.schemes.no_requirements')}</p>;
  return (
    <ul className="requirement-list">
      {requirements.map((r) => (
        <li key={r.id}>
          <p>{describeRequirement(r, i18n)}</p>
          <p className={r.evaluation.met ? 'met' : 'unmet'}>
            {r.evaluation.met ? t('web.app.certification.requirement.met') : t('web.app.certification.requirement.unmet')}{' '}
            <span className="muted">
              ({t('web.app.certification.requirement.have_need', { have: formatNumber(r.evaluation.have), need: formatNumber(r.evaluation.need) })})
            </span>
          </p>
          {r.check ? (
            <p>
              {t(`web.app.certification.review.checked_${r.check.met ? 'met' : 'unmet'}${r.check.checkedByName ? '' : '_plain'}`, {
                name: r.check.checkedByName ?? '',
                at: formatDateTime(r.check.checkedAt),
              })}
              {r.check.note ? ` — ${r.check.note}` : ''}
            </p>
          ) : null}
          {canCheck ? <CheckForm requirement={r} busy={busy} onCheck={(met, note) => onCheck(r.id, met, note)} /> : null}
        </li>
      ))}
    </ul>
  );
}
