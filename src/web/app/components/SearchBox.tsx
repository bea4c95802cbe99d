import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

const DEBOUNCE_MS = 300;

/**
 * A search field that updates `?q=` once typing pauses, and starts again from the first page.
 * The query lives in the address, so a search can be shared and the back button works.
 */
export function SearchBox({ label, hint }: { label: string; hint?: string }) {
  const [params, setParams] = useSearchParams();
  const current = params.get('q') ?? '';
  const [text, setText] = useState(current);

  useEffect(() => {
    if (text.trim() === current) return;
    const timer = window.setTimeout(() => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (text.trim()) next.set('q', text.trim());
          else next.delete('q');
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, current, setParams]);

  return (
    <div className="field search-box" role="search">
      <label htmlFor="search-q">{label}</label>
      {hint ? (
        <p className="hint" id="search-q-hint">
          {hint}
        </p>
      ) : null}
      <input
        id="search-q"
        type="search"
        value={text}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hint ? 'search-q-hint' : undefined}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
