import { useState } from 'react';
import { query } from '../api.js';
import { SelectField } from '../components/Fields.js';
import { useI18n } from '../i18n.js';
import type { Organisation } from '../organisations/types.js';
import type { Page } from '../people/types.js';
import { useResource } from '../use-resource.js';
import { PARTNER_ROLES, type Partner, type PartnerRole } from './types.js';

/** The partner organisations of a project: chosen from the association's organisations, each with a role. */
export function PartnerPicker({ associationId, partners, onChange, errors }: { associationId: string; partners: Partner[]; onChange: (partners: Partner[]) => void; errors: Record<string, string> }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = search.trim();
  const { data } = useResource<Page<Organisation>>(q.length >= 2 ? `/organisations${query({ associationId, q, pageSize: 8 })}` : null);
  const chosen = new Set(partners.map((p) => p.organisationId));
  const candidates = (data?.items ?? []).filter((o) => !chosen.has(o.id));

  const setRole = (id: string, role: PartnerRole) => onChange(partners.map((p) => (p.organisationId === id ? { ...p, role } : p)));
  const add = (o: Organisation) =>
    onChange([...partners, { organisationId: o.id, name: o.name, nameLatin: o.nameLatin, country: o.country, role: 'partner' }]);

  return (
    <fieldset className="partners">
      <legend>{t('web.app.projects.fields.partners')}</legend>
      {errors.partners ? <p className="field-error">{errors.partners}</p> : null}
      {partners.length === 0 ? <p className="muted">{t('web.app.projects.no_partners')}</p> : null}
      <ul className="candidates">
        {partners.map((p, i) => (
          <li key={p.organisationId}>
            <span>
              {p.name}
              {p.nameLatin && p.nameLatin !== p.name ? <span className="muted"> ({p.nameLatin})</span> : null}
              {errors[`partners.${i}.organisationId`] ? <span className="field-error"> {errors[`partners.${i}.organisationId`]}</span> : null}
            </span>
            <span className="page-actions">
              <SelectField
                name={`partner-role-${i}`}
                label={t('web.app.projects.role_of', { name: p.name })}
                value={p.role}
                onChange={(role) => setRole(p.organisationId, role as PartnerRole)}
                options={PARTNER_ROLES.map((r) => ({ value: r, label: t(`projects.partner_role.${r}`) }))}
              />
              <button type="button" className="secondary small" onClick={() => onChange(partners.filter((x) => x.organisationId !== p.organisationId))}>
                {t('web.app.projects.remove_partner', { name: p.name })}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="partner-search">{t('web.app.projects.find_partner')}</label>
        <p className="hint" id="partner-search-hint">
          {t('web.app.projects.find_partner_hint')}
        </p>
        <input id="partner-search" type="search" autoComplete="off" value={search} aria-describedby="partner-search-hint" onChange={(event) => setSearch(event.target.value)} />
      </div>
      {q.length >= 2 ? (
        <ul className="candidates" aria-live="polite">
          {candidates.map((o) => (
            <li key={o.id}>
              <span>
                {o.name}
                {o.city ? <span className="muted"> · {o.city}</span> : null}
              </span>
              <button type="button" className="small" onClick={() => add(o)}>
                {t('web.app.projects.add_partner', { name: o.name })}
              </button>
            </li>
          ))}
          {data && candidates.length === 0 ? <li className="muted">{t('web.app.projects.no_matches')}</li> : null}
        </ul>
      ) : null}
    </fieldset>
  );
}
