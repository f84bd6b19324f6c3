import type { Role } from '@linli/types/entities/common';
import { STAFF_ROLES } from './roles';

/**
 * Consent to the privacy notice (PIPL art. 14; docs/privacy.md "Consent"). A person agrees to a
 * version of the notice; when the notice changes, writes that collect personal data wait until
 * they agree to the new one. Reads never wait, and neither does anything that withdraws, cancels
 * or asks for deletion (art. 15: withdrawing must stay as easy as agreeing).
 */

/** The caller has agreed to the notice in force. */
export const hasCurrentConsent = (user: { consentVersion: string }, current: string): boolean =>
  user.consentVersion === current;

/**
 * Writes open to residents and volunteers that collect nothing new about the caller: each one
 * takes something back, confirms, or is the consent itself. Every other such write waits for
 * consent — a new action is covered without anyone remembering to list it.
 */
export const CONSENT_EXEMPT_WRITES: Readonly<Record<string, string>> = {
  'account.saveProfile': 'records the consent itself (the form asks for it)',
  'account.acceptPrivacy': 'is the consent',
  'account.requestDeletion': 'asks for deletion: a right that never waits for consent',
  'account.redeemInvitation': 'joins a station as staff; stores nothing about the person',
  'activity.cancelBooking': 'takes a booking back',
  'feedback.close': 'closes the sender’s own complaint',
  'volunteer.leaveTeam': 'leaves a team',
  'volunteer.cancelSignUp': 'takes a shift sign-up back',
  'wishes.withdraw': 'takes a wish back',
  'wishes.release': 'gives a claimed wish back',
  'wishes.confirm': 'confirms a wish was received',
  'checkin.staffScan': 'a door helper records someone else’s attendance for the station',
};

export interface WritePolicy {
  access: 'signed_in' | 'registered' | readonly Role[];
  writes: boolean;
}

/** Staff act for the station on others' records; their own consent is not what those writes collect. */
const staffOnly = (access: WritePolicy['access']): boolean =>
  Array.isArray(access) && access.every((role) => STAFF_ROLES.includes(role));

/** Whether `fn.action` collects the caller's personal data, so needs consent to the notice in force. */
export function collectsPersonalData(key: string, policy: WritePolicy): boolean {
  return policy.writes && !staffOnly(policy.access) && !(key in CONSENT_EXEMPT_WRITES);
}

/**
 * Whether a person's agreement to a newer notice can be recorded: a minor's needs their
 * guardian's agreement with it (PIPL art. 31), on the same screen.
 */
export function acceptanceProblems(
  user: { minor?: boolean },
  guardianConsent: boolean | undefined,
): { path: string; message: string }[] {
  return user.minor && guardianConsent !== true
    ? [{ path: 'guardianConsent', message: '未满14周岁，需监护人阅读并同意' }]
    : [];
}
