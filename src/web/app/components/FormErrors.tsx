import { useEffect, useRef } from 'react';
import type { ApiError } from '../api.js';
import { useI18n } from '../i18n.js';
import { errorText } from './ErrorMessage.js';

/**
 * The summary above a form that the server refused: the message, then each field's problem as a
 * link to that field. It takes focus so keyboard and screen-reader users start from it.
 */
export function FormErrors({ error, labels }: { error: ApiError | null; labels: Record<string, string> }) {
  const i18n = useI18n();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);

  if (!error) return null;
  const fields = Object.entries(error.fields);
  return (
    <div className="form-errors" role="alert" tabIndex={-1} ref={ref}>
      <p>{errorText(error, i18n)}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map(([name, text]) => (
            <li key={name}>
              {labels[name] ? <a href={`#field-${name}`}>{labels[name]}</a> : null}
              {labels[name] ? ': ' : null}
              {text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
