import { useEffect, useSyncExternalStore } from 'react';
import { isAdmin, isStaff, sessionStore, type Me } from '@/services/session';
import type { ApiError } from '@/services/api';
import { redirectIfUnauthenticated } from './auth-redirect';

export interface Session {
  /** True until `account.me` first answers. */
  loading: boolean;
  error: ApiError | null;
  profile: Me['profile'];
  station: Me['station'];
  /** The caller has saved a profile. */
  registered: boolean;
  isStaff: boolean;
  isAdmin: boolean;
  refresh: () => Promise<void>;
}

/**
 * The caller's profile and station, shared by every page (fetched once per app run).
 * On H5, UNAUTHENTICATED sends the person to the dev-login page.
 */
export function useSession(): Session {
  const state = useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);

  // Fetch on first use and again after reset(); after an error only refresh() retries.
  useEffect(() => {
    if (state.status === 'idle') void sessionStore.ensure();
  }, [state.status]);

  useEffect(() => {
    if (state.error) redirectIfUnauthenticated(state.error);
  }, [state.error]);

  const profile = state.me?.profile ?? null;
  const roles = profile?.roles ?? [];
  return {
    loading: state.me === null && state.status !== 'error',
    error: state.error,
    profile,
    station: state.me?.station ?? null,
    registered: profile !== null,
    isStaff: isStaff(roles),
    isAdmin: isAdmin(roles),
    refresh: sessionStore.refresh,
  };
}
