import { pick } from '../catalogue/types.js';
import type { I18n } from '../i18n.js';
import type { Requirement } from './types.js';

/** A requirement in words, e.g. "CPD credits: 5 within the last 3 years". */
export function describeRequirement(r: Requirement, i18n: Pick<I18n, 't' | 'locale' | 'formatNumber'>): string {
  const { t, locale, formatNumber } = i18n;
  const kind = t(`certification.requirement_kind.${r.kind}`);
  switch (r.kind) {
    case 'courses':
      return `${kind}: ${(r.courses ?? []).map((c) => `${c.code} — ${pick(c.title, locale)}`).join('; ')}`;
    case 'cpd_credits':
      return `${kind}: ${t('web.app.certification.requirement.credits', { credits: formatNumber(r.credits ?? 0), years: r.windowYears ?? 0, window: r.windowYears ? 'yes' : 'no' })}`;
    case 'exam':
      return `${kind}: ${r.examName ?? ''}`;
    case 'experience':
      return `${kind}: ${t('web.app.certification.requirement.years', { years: r.years ?? 0 })}`;
    case 'document':
      return `${kind}: ${t(`certification.document_type.${r.documentType ?? 'other'}`)}`;
  }
}
