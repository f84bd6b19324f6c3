import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiError } from '@/services/api';
import { newRequestId } from '@/services/api';
import { fieldErrorMap } from '@/services/format';
import { asApiError } from './use-async';
import { redirectIfUnauthenticated } from './auth-redirect';
import { openNoticeIfConsentRequired } from './consent-redirect';

export interface ActionState<Args extends unknown[], R> {
  /** Runs the action; resolves with its result, or undefined when it failed (see `error`). */
  run: (...args: Args) => Promise<R | undefined>;
  pending: boolean;
  error: ApiError | null;
  /** `error.fields` by path, for showing next to each field. */
  fieldErrors: Record<string, string>;
  reset: () => void;
}

/**
 * A write the person starts (submit, create, rename) with pending and error state.
 * `perform` receives an idempotency key as its last argument: the same key is reused when the
 * person retries with the same arguments after a failure (that is the same intent), and a new
 * one is made for new arguments or after a success.
 */
export function useAction<Args extends unknown[], R>(
  perform: (...args: [...Args, string]) => Promise<R>,
): ActionState<Args, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const attempt = useRef<{ key: string; requestId: string } | null>(null);
  const running = useRef(false);

  const run = useCallback(
    async (...args: Args): Promise<R | undefined> => {
      if (running.current) return undefined; // a double tap is one intent
      running.current = true;
      const key = JSON.stringify(args);
      if (!attempt.current || attempt.current.key !== key) {
        attempt.current = { key, requestId: newRequestId() };
      }
      setPending(true);
      setError(null);
      try {
        const result = await perform(...args, attempt.current.requestId);
        attempt.current = null;
        return result;
      } catch (cause: unknown) {
        const apiError = asApiError(cause);
        redirectIfUnauthenticated(apiError);
        openNoticeIfConsentRequired(apiError);
        setError(apiError);
        return undefined;
      } finally {
        running.current = false;
        setPending(false);
      }
    },
    [perform],
  );

  const reset = useCallback(() => setError(null), []);
  // Stable per error, so a form can tell "a new answer" from "a re-render".
  const fieldErrors = useMemo(() => fieldErrorMap(error?.fields), [error]);
  return { run, pending, error, fieldErrors, reset };
}
