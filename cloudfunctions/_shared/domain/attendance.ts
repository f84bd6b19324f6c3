/**
 * When people may sign in and out, and how a roster adds up. Attendance is the source of truth
 * for 服务人次 (DOMAIN.md): one record per person (or household party) per activity, its
 * `headcount` the number of people it signs in. When people may sign in (per session) is in
 * sessions.ts.
 */

/**
 * Who a walk-up sign-in may be: anyone at an open activity; at an invitation-only one, only the
 * invited or those holding a booking.
 */
export function mayAttend(
  activity: { audience: 'everyone' | 'invited'; invited: readonly string[] },
  personId: string,
  hasLiveBooking: boolean,
): boolean {
  return activity.audience === 'everyone' || hasLiveBooking || activity.invited.includes(personId);
}

export interface RosterFacts {
  bookings: readonly { personId: string; status: 'confirmed' | 'waitlisted' | 'cancelled'; partySize: number }[];
  attendance: readonly { personId: string; headcount: number; signedOutAt?: Date; annulled: boolean }[];
}

/**
 * The roster's counts, in people (a family of three is three). No-shows are confirmed parties
 * with no valid sign-in; they are only final once the activity is over, but the live screen
 * shows them as "not yet arrived" all along.
 */
export function rosterCounts({ bookings, attendance }: RosterFacts) {
  const valid = attendance.filter((a) => !a.annulled);
  const present = new Set(valid.map((a) => a.personId));
  const confirmed = bookings.filter((b) => b.status === 'confirmed');
  const sum = (xs: readonly { partySize?: number; headcount?: number }[]) =>
    xs.reduce((total, x) => total + (x.headcount ?? x.partySize ?? 0), 0);
  return {
    booked: sum(confirmed),
    waitlisted: sum(bookings.filter((b) => b.status === 'waitlisted')),
    signedIn: sum(valid),
    signedOut: sum(valid.filter((a) => a.signedOutAt)),
    noShow: sum(confirmed.filter((b) => !present.has(b.personId))),
  };
}

/** Personal codes (phone screen or printed card): "LC" + a random 10-character card id. */
export const PERSONAL_CODE_PREFIX = 'LC';
export const personalCodeFor = (cardId: string): string => `${PERSONAL_CODE_PREFIX}${cardId}`;
export function cardIdFromPersonalCode(code: string): string | null {
  const match = /^LC([0-9A-Za-z]{10})$/.exec(code.trim());
  return match ? match[1]! : null;
}
