import { useState, type ChangeEvent } from 'react';
import { query } from '../api.js';
import { useI18n } from '../i18n.js';
import type { Organisation } from '../organisations/types.js';
import type { Page, PersonSummary } from '../people/types.js';
import { useResource } from '../use-resource.js';

/** A labelled input of a type the shared fields do not offer (time, number, date and time). */
export function PlainInput({
  name,
  label,
  type,
  value,
  onChange,
  error,
  hint,
  required,
  min,
  max,
  step,
}: {
  name: string;
  label: string;
  type: 'time' | 'number' | 'datetime-local' | 'date' | 'text';
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  min?: number;
  max?: number;
  step?: number | 'any';
}) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        min={min}
        max={max}
        step={step}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface Picked {
  id: string;
  name: string;
  nameLatin: string | null;
  role: string;
}

/**
 * People or organisations of the association chosen by searching their name (in either script),
 * each with a role; used for a session's trainers and partners.
 */
export function RecordPicker({
  kind,
  associationId,
  legend,
  roleLabel,
  picked,
  onChange,
  errors,
  field,
  idKey,
}: {
  kind: 'people' | 'organisations';
  associationId: string;
  legend: string;
  roleLabel: string;
  picked: Picked[];
  onChange: (picked: Picked[]) => void;
  errors: Record<string, string>;
  /** The field name the server reports errors under, e.g. trainers → trainers.0.personId. */
  field: string;
  idKey: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = search.trim();
  const { data } = useResource<Page<PersonSummary | Organisation>>(q.length >= 2 ? `/${kind}${query({ associationId, q, pageSize: 8 })}` : null);
  const chosen = new Set(picked.map((p) => p.id));
  const candidates = (data?.items ?? [])
    .filter((r) => !chosen.has(r.id))
    .map((r) => ({ id: r.id, name: 'fullName' in r ? r.fullName : r.name, nameLatin: r.nameLatin }));
  const searchId = `${field}-search`;

  return (
    <fieldset className="picker">
      <legend>{legend}</legend>
      {errors[field] ? <p className="field-error">{errors[field]}</p> : null}
      {picked.length === 0 ? <p className="muted">{t('web.app.events.none_yet')}</p> : null}
      <ul className="candidates">
        {picked.map((p, i) => (
          <li key={p.id}>
            <span>
              {p.name}
              {p.nameLatin && p.nameLatin !== p.name ? <span className="muted"> ({p.nameLatin})</span> : null}
              {errors[`${field}.${i}.${idKey}`] ? <span className="field-error"> {errors[`${field}.${i}.${idKey}`]}</span> : null}
            </span>
            <span className="page-actions">
              <label className="visually-hidden" htmlFor={`${field}-role-${i}`}>
                {roleLabel} — {p.name}
              </label>
              <input
                id={`${field}-role-${i}`}
                type="text"
                value={p.role}
                placeholder={roleLabel}
                onChange={(event) => onChange(picked.map((x) => (x.id === p.id ? { ...x, role: event.target.value } : x)))}
              />
              <button type="button" className="secondary small" onClick={() => onChange(picked.filter((x) => x.id !== p.id))}>
                {t('web.app.events.remove_named', { name: p.name })}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor={searchId}>{t('web.app.events.find_to_add')}</label>
        <input id={searchId} type="search" autoComplete="off" value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      {q.length >= 2 ? (
        <ul className="candidates" aria-live="polite">
          {candidates.length === 0 && data ? <li className="muted">{t('web.app.events.nothing_found')}</li> : null}
          {candidates.map((c) => (
            <li key={c.id}>
              <span>
                {c.name}
                {c.nameLatin && c.nameLatin !== c.name ? <span className="muted"> ({c.nameLatin})</span> : null}
              </span>
              <button
                type="button"
                className="small"
                onClick={() => {
                  onChange([...picked, { ...c, role: '' }]);
                  setSearch('');
                }}
              >
                {t('web.app.events.add_named', { name: c.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
