import type { ErrorCode } from '@linli/types/errors';
import type { Role } from '@linli/types/entities/common';
import { normaliseRoles, STAFF_ROLES } from './roles';

/** An invitation is good for 7 days: long enough to pass on, short enough that a lost one dies. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** No 0/O, 1/I/L: codes are read aloud and typed by hand. 31^8 ≈ 8.5e11 codes. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITATION_CODE_LENGTH = 8;

/** Turns random bytes (one per character, from crypto) into a code. */
export function invitationCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < INVITATION_CODE_LENGTH) throw new Error('need 8 random bytes');
  let code = '';
  for (let i = 0; i < INVITATION_CODE_LENGTH; i += 1) code += ALPHABET[bytes[i]! % ALPHABET.length];
  return code;
}

export interface InvitationState {
  stationId: string;
  role: 'social_worker' | 'admin';
  expiresAt: Date;
  usedBy?: string;
}

/** Why an invitation cannot be redeemed now, or null if it can. */
export function invitationProblem(invitation: InvitationState | null, now: Date): ErrorCode | null {
  if (!invitation) return 'INVITATION_INVALID';
  if (invitation.usedBy) return 'INVITATION_USED';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'INVITATION_EXPIRED';
  return null;
}

/**
 * A user's roles after redeeming an invitation. Joining another station's staff drops the staff
 * roles held at the old station (one person, one station); volunteer and resident roles stay.
 * An admin invitation also makes the person a social worker: directors do casework too.
 */
export function rolesAfterRedeem(
  current: readonly Role[],
  currentStationId: string | null,
  invitation: Pick<InvitationState, 'role' | 'stationId'>,
): Role[] {
  const kept = currentStationId === invitation.stationId ? current : current.filter((r) => !STAFF_ROLES.includes(r));
  const granted: Role[] = invitation.role === 'admin' ? ['social_worker', 'admin'] : ['social_worker'];
  return normaliseRoles(['resident', ...kept, ...granted]);
}
