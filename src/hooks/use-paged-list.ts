import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ApiError } from '@/services/api';
import { asApiError } from './use-async';
import { redirectIfUnauthenticated } from './auth-redirect';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface PagedList<T> {
  items: T[];
  /** The first page is loading (the list is empty meanwhile). */
  loading: boolean;
  /** A further page is loading (the list stays shown). */
  loadingMore: boolean;
  hasMore: boolean;
  error: ApiError | null;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A list read page by page with a cursor (activity.list, activity.manage): the first page when
 * `deps` change (a new filter) or on reload(), the next one on loadMore(). Answers to
 * superseded requests are dropped, so a quick change of filter never mixes two lists.
 */
export function usePagedList<T>(
  load: (cursor: string | undefined) => Promise<Page<T>>,
  deps: DependencyList,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback((from: string | undefined) => {
    const ticket = ++latest.current;
    const first = from === undefined;
    if (first) setLoading(true);
    else setLoadingMore(true);
    setError(null);
    loadRef.current(from).then(
      (page) => {
        if (ticket !== latest.current) return;
        setItems((prev) => (first ? page.items : [...prev, ...page.items]));
        setCursor(page.nextCursor);
        setLoading(false);
        setLoadingMore(false);
      },
      (cause: unknown) => {
        if (ticket !== latest.current) return;
        const apiError = asApiError(cause);
        redirectIfUnauthenticated(apiError);
        setError(apiError);
        setLoading(false);
        setLoadingMore(false);
      },
    );
  }, []);

  useEffect(() => {
    setItems([]);
    fetchPage(undefined);
    // `deps` say when the list means something new (a changed filter).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  useEffect(
    () => () => {
      latest.current += 1; // unmounted: ignore whatever answers later
    },
    [],
  );

  const loadMore = useCallback(() => {
    if (cursor !== undefined && !loadingMore) fetchPage(cursor);
  }, [cursor, loadingMore, fetchPage]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { items, loading, loadingMore, hasMore: cursor !== undefined, error, loadMore, reload };
}
