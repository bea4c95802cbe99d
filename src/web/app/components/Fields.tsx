import type { ChangeEvent, ReactNode } from 'react';

interface Common {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `field-${name}-hint` : null, error ? `field-${name}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Frame({ name, label, error, hint, required, children }: Common & { children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={`field-${name}`}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`field-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`field-${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input; its error (from the server, localised) sits next to it and is tied to it for screen readers. */
export function TextField(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'email' | 'tel' | 'date' | 'url' | 'search';
    autoComplete?: string;
    lang?: string;
  },
) {
  const { name, value, onChange, type = 'text', autoComplete, lang, error, hint, required } = props;
  return (
    <Frame {...props}>
      <input
        id={`field-${name}`}
        name={name}
        type={type}
        value={value}
        lang={lang}
        autoComplete={autoComplete}
        required={required}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: Common & { value: string; onChange: (value: string) => void; options: Option[] },
) {
  const { name, value, onChange, options, error, hint, required } = props;
  return (
    <Frame {...props}>
      <select
        id={`field-${name}`}
        name={name}
        value={value}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CheckboxField({
  name,
  label,
  checked,
  onChange,
  error,
  hint,
}: Common & { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className={error ? 'field field-check field-invalid' : 'field field-check'}>
      <input
        id={`field-${name}`}
        name={name}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={`field-${name}`}>{label}</label>
      {hint ? (
        <p className="hint" id={`field-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`field-${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
