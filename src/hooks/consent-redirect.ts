import { ApiError } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';

let opening = false;

/**
 * A write answered CONSENT_REQUIRED: the privacy notice changed since the person agreed. Open the
 * notice, whose 同意 records the new consent (docs/privacy.md "Consent"); the error still shows
 * where the person was, so they know why. Returns whether it opened the notice.
 */
export function openNoticeIfConsentRequired(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'CONSENT_REQUIRED') return false;
  if (!opening) {
    opening = true;
    openPage(ROUTES.privacy);
    setTimeout(() => {
      opening = false;
    }, 1000);
  }
  return true;
}
