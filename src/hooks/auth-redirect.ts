import { ApiError } from '@/services/api';
import { isH5 } from '@/services/platform';
import { ROUTES, restartAt } from '@/services/routes';

let redirecting = false;

/**
 * On H5 a call answered UNAUTHENTICATED means the dev-login token is missing or stale: send the
 * person to the persona picker. On WeChat the platform always supplies an identity, so the
 * error is shown like any other. Returns whether it redirected.
 */
export function redirectIfUnauthenticated(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED' || !isH5()) return false;
  // Several hooks on one page may fail at once; one navigation is enough.
  if (!redirecting) {
    redirecting = true;
    restartAt(ROUTES.login);
    setTimeout(() => {
      redirecting = false;
    }, 1000);
  }
  return true;
}
