import { useEffect, useRef } from 'react';

/** Moves focus to an element when it appears, e.g. the heading of a step that replaced the previous one. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
