import type { Profile } from '@linli/types/entities/user';
import { PRIVACY_NOTICE_VERSION } from '@/content/privacy';

/** The person agreed to an older notice: writes that collect personal data wait until they agree again. */
export const needsConsent = (profile: Pick<Profile, 'consentVersion'> | null): boolean =>
  profile !== null && profile.consentVersion !== PRIVACY_NOTICE_VERSION;
