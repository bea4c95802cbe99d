import { useState } from 'react';
import { LOCALES, useI18n, type Locale } from '../i18n.js';
import type { Translated } from './types.js';

interface TranslatedInputProps {
  /** The field name as the server reports errors: `name` or `name.<locale>`. */
  name: string;
  label: string;
  value: Translated;
  onChange: (value: Translated) => void;
  errors: Record<string, string>;
  multiline?: boolean;
  required?: boolean;
  hint?: string;
}

/**
 * One text in the five interface languages: a button per language (showing which are filled in)
 * and the field for the chosen one. Starts on the user's own language.
 */
export function TranslatedInput({ name, label, value, onChange, errors, multiline, required, hint }: TranslatedInputProps) {
  const { t, locale } = useI18n();
  const [current, setCurrent] = useState<Locale>(locale);
  const error = errors[`${name}.${current}`] ?? errors[name];
  const invalidLocales = LOCALES.filter((l) => errors[`${name}.${l}`]);
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const set = (text: string) => onChange({ ...value, [current]: text });

  return (
    <fieldset className={error ? 'field translated field-invalid' : 'field translated'}>
      <legend>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="language-tabs" role="group" aria-label={t('web.app.catalogue.translated.languages', { field: label })}>
        {LOCALES.map((l) => {
          const filled = (value[l] ?? '').trim() !== '';
          return (
            <button
              key={l}
              type="button"
              className={invalidLocales.includes(l) ? 'language-tab invalid' : 'language-tab'}
              aria-pressed={l === current}
              lang={l}
              onClick={() => setCurrent(l)}
            >
              {t(`language.${l}`)}
              {filled ? <span aria-hidden="true"> ✓</span> : null}
              <span className="visually-hidden">
                {' '}
                ({t(filled ? 'web.app.catalogue.translated.filled' : 'web.app.catalogue.translated.empty')})
              </span>
            </button>
          );
        })}
      </div>
      <label htmlFor={id} className="visually-hidden">
        {label} — {t(`language.${current}`)}
      </label>
      {multiline ? (
        <textarea
          id={id}
          lang={current}
          rows={4}
          value={value[current] ?? ''}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          onChange={(event) => set(event.target.value)}
        />
      ) : (
        <input
          id={id}
          lang={current}
          type="text"
          value={value[current] ?? ''}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          onChange={(event) => set(event.target.value)}
        />
      )}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Drops the empty languages, so "cleared" means cleared. */
export function compact(text: Translated): Translated {
  const out: Translated = {};
  for (const l of LOCALES) if ((text[l] ?? '').trim() !== '') out[l] = text[l]!.trim();
  return out;
}
