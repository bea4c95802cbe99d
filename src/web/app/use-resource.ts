import { useCallback, useEffect, useState } from 'react';
import { api, toApiError, type ApiError } from './api.js';

export interface Resource<T> {
  /** The latest answer; kept while a newer request is on its way, so lists do not flicker. */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Fetches `path` (under /api/v1) whenever it changes; `null` fetches nothing. */
export function useResource<T>(path: string | null): Resource<T> {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError }>({ key: null });
  const key = path === null ? null : `${version} ${path}`;

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    const done = `${version} ${path}`;
    api.get<T>(path, controller.signal).then(
      (data) => setState({ key: done, data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ key: done, data: previous.data, error: toApiError(error) }));
      },
    );
    return () => controller.abort();
  }, [path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    data: key === null ? undefined : state.data,
    error: state.key === key ? state.error : undefined,
    loading: key !== null && state.key !== key,
    reload,
  };
}
