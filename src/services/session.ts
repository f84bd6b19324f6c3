import type { ActionOutput } from '@linli/types/api';
import type { Role } from '@linli/types/entities/common';
import { ApiError, call } from './api';

/**
 * Who is using the app: `account.me`, fetched once and shared by every page, so switching
 * tabs does not refetch it. Pages read it through the useSession hook; whatever changes the
 * profile (saving it, redeeming an invitation) calls `refresh()`, and logging in or out
 * calls `reset()`.
 */
export type Me = ActionOutput<'account', 'me'>;
export type StationEntry = NonNullable<Me['station']>;

export type SessionState =
  | { status: 'idle' | 'loading'; me: Me | null; error: null }
  | { status: 'ready'; me: Me; error: null }
  | { status: 'error'; me: Me | null; error: ApiError };

const INITIAL: SessionState = { status: 'idle', me: null, error: null };

let state: SessionState = INITIAL;
let inflight: Promise<void> | null = null;
/** Bumped by reset(): an answer to a request made before it is dropped. */
let generation = 0;
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
}

function fetchMe(): Promise<void> {
  const mine = generation;
  setState({ status: 'loading', me: state.me, error: null });
  const request = call('account', 'me', {})
    .then((me) => {
      if (mine === generation) setState({ status: 'ready', me, error: null });
    })
    .catch((error: unknown) => {
      if (mine === generation) setState({ status: 'error', me: state.me, error: toApiError(error) });
    })
    .finally(() => {
      if (inflight === request) inflight = null;
    });
  inflight = request;
  return request;
}

export const sessionStore = {
  get: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  /** Fetches `me` unless it is already known or on its way. */
  ensure(): Promise<void> {
    if (inflight) return inflight;
    if (state.status === 'ready') return Promise.resolve();
    return fetchMe();
  },
  /** Fetches `me` again (after the profile or roles changed). */
  refresh(): Promise<void> {
    return fetchMe();
  },
  /** Forgets the caller (login, logout). The next page to ask fetches again. */
  reset(): void {
    generation += 1;
    inflight = null;
    setState(INITIAL);
  },
};

export const STAFF_ROLES: readonly Role[] = ['social_worker', 'admin'];
export const isStaff = (roles: readonly Role[]): boolean => roles.some((role) => STAFF_ROLES.includes(role));
export const isAdmin = (roles: readonly Role[]): boolean => roles.includes('admin');

export function communityName(station: StationEntry | null, communityId: string | null | undefined): string {
  return station?.communities.find((community) => community.id === communityId)?.name ?? '';
}
