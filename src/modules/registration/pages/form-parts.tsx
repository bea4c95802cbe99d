import type { ReactNode } from 'react';

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function FieldFrame({ id, label, hint, error, required, children }: { id: string; label: string; hint?: string; error?: string; required?: boolean; children: ReactNode }) {
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
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface SelectProps {
  name: string;
  label: string;
  value?: string;
  options: Array<{ value: string; label: string; lang?: string }>;
  error?: string;
  hint?: string;
  required?: boolean;
}

/** A labelled select whose error is tied to it for screen readers. */
export function SelectField({ name, label, value, options, error, hint, required }: SelectProps) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      <select id={id} name={name} defaultValue={value} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface CheckboxProps {
  name: string;
  label: string;
  checked?: boolean;
  error?: string;
  required?: boolean;
}

/** A checkbox that posts "yes" when ticked; its error sits next to it. */
export function CheckboxField({ name, label, checked, error, required }: CheckboxProps) {
  const id = `field-${name}`;
  return (
    <div className={error ? 'field field-check field-invalid' : 'field field-check'}>
      <input
        id={id}
        name={name}
        type="checkbox"
        value="yes"
        defaultChecked={checked}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />{' '}
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
