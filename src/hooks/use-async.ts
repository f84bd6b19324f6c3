import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from '@/services/api';
import { redirectIfUnauthenticated } from './auth-redirect';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the data with a newer copy (e.g. what a write answered). */
  setData: (data: T) => void;
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ code: 'INTERNAL', message: '网络不稳定，请稍后重试' });
}

/**
 * Loads something when the page opens (and again when `deps` change or on reload()), with
 * loading and error state. Answers to superseded loads are dropped.
 */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setLoading(false);
      },
      (cause: unknown) => {
        if (ticket !== latest.current) return;
        const apiError = asApiError(cause);
        redirectIfUnauthenticated(apiError);
        setError(apiError);
        setLoading(false);
      },
    );
    // `load` is a fresh closure each render; `deps` say when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  useEffect(
    () => () => {
      latest.current += 1; // unmounted: ignore whatever answers later
    },
    [],
  );

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
