/**
 * Booking seats at an activity: who may book, whether the party gets seats or a waitlist place,
 * who moves up when seats come free, and who may cancel. Pure decisions; the booking function
 * applies them with conditional database updates.
 *
 * What must change together with this file: the booking function applies a `confirm` with a
 * conditional update (`seatsTaken + partySize ≤ capacity`) and, if that update matches nothing
 * because someone else took the seats meanwhile, reads the activity again and decides again. A
 * release (cancellation, a raised capacity) is followed by `promoteFromWaitlist` in the same
 * way. The booking schema limits `partySize` to 1..MAX_PARTY_SIZE.
 */

/** The facts about an activity that a booking decision needs. */
export interface BookableActivity {
  capacity: number;
  /** Sum of the party sizes of confirmed bookings. */
  seatsTaken: number;
  status: 'published' | 'cancelled';
  startAt: Date;
  endAt: Date;
  bookingOpensAt: Date;
  bookingClosesAt: Date;
  audience: 'everyone' | 'invited';
  /** Openids invited when `audience` is 'invited'. */
  invited: readonly string[];
}

export type BookingStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/**
 * A household books together: the booker plus family members who come along (a parent with two
 * children takes 3 seats). Six covers a household with grandparents; larger groups are an
 * organised visit, arranged with the social worker rather than booked.
 */
export const MAX_PARTY_SIZE = 6;

/** Why a booking is refused. Closed: clients switch on these. */
export type BookingProblem =
  | 'ACTIVITY_CANCELLED'
  | 'BOOKING_NOT_OPEN'
  | 'BOOKING_CLOSED'
  | 'NOT_INVITED'
  | 'PARTY_TOO_LARGE';

/** Why a cancellation is refused. */
export type CancellationProblem = 'NOT_CANCELLABLE';

export type BookingDecision =
  | { ok: true; outcome: 'confirm' | 'waitlist' | 'already' }
  | { ok: false; problem: BookingProblem };

export type CancellationDecision = { ok: true; seatsReleased: number } | { ok: false; problem: CancellationProblem };

export interface BookingRequest {
  openid: string;
  partySize: number;
  /** The person's booking for this activity, if they ever made one. */
  existing?: { status: BookingStatus };
}

export interface WaitlistEntry {
  id: string;
  partySize: number;
  waitlistedAt: Date;
}

/** Free seats. Never negative, even if a capacity was lowered below the seats already taken. */
export function seatsLeft(activity: Pick<BookableActivity, 'capacity' | 'seatsTaken'>): number {
  return Math.max(0, activity.capacity - activity.seatsTaken);
}

/**
 * Decides what a booking request does. In this order:
 * 1. a cancelled activity takes no bookings (ACTIVITY_CANCELLED);
 * 2. a live booking (confirmed or waitlisted) answers 'already' whatever else holds, so a resident
 *    who taps twenty times, or whose retry arrives after booking closed, still has one booking
 *    and is told it stands — not an error that makes them think they lost their seat;
 * 3. before `bookingOpensAt` → BOOKING_NOT_OPEN; from `bookingClosesAt` or from the start of the
 *    activity, whichever comes first → BOOKING_CLOSED;
 * 4. an invited-only activity refuses anyone not invited (NOT_INVITED);
 * 5. a party larger than MAX_PARTY_SIZE or than the whole activity could never be seated, so it
 *    is refused rather than left on the waitlist forever (PARTY_TOO_LARGE);
 * 6. 'confirm' when the free seats hold the whole party (households are never split), else
 *    'waitlist'.
 *
 * The waitlist is not consulted: every release promotes whoever fits (promoteFromWaitlist), so
 * the parties still waiting are those the free seats cannot hold, and a newcomer who fits takes
 * them by the same rule that would skip a waiting party too large for them.
 */
export function decideBooking(activity: BookableActivity, request: BookingRequest, now: Date): BookingDecision {
  assertPartySize(request.partySize);
  if (activity.status === 'cancelled') return refuse('ACTIVITY_CANCELLED');
  if (request.existing && request.existing.status !== 'cancelled') return { ok: true, outcome: 'already' };
  if (now < activity.bookingOpensAt) return refuse('BOOKING_NOT_OPEN');
  if (now >= activity.bookingClosesAt || now >= activity.startAt) return refuse('BOOKING_CLOSED');
  if (activity.audience === 'invited' && !activity.invited.includes(request.openid)) return refuse('NOT_INVITED');
  if (request.partySize > MAX_PARTY_SIZE || request.partySize > activity.capacity) return refuse('PARTY_TOO_LARGE');
  return { ok: true, outcome: request.partySize <= seatsLeft(activity) ? 'confirm' : 'waitlist' };
}

/**
 * Which waitlisted parties to confirm now that `freeSeats` seats are free, in the order to confirm
 * them. First come, first served by `waitlistedAt` (ties by id, so the answer does not depend on
 * the order the database returns), and a party that does not fit is skipped, not waited for: the
 * family of four at the head of the line does not keep a couple behind it out of the two seats
 * that came free. The choice: empty seats on the day are the worse outcome (a resident stays home
 * and the activity serves fewer people); the skipped party keeps its place and is first whenever
 * enough seats come free. Never confirms more seats than are free.
 */
export function promoteFromWaitlist(freeSeats: number, waitlist: readonly WaitlistEntry[]): string[] {
  const queue = [...waitlist].sort(
    (a, b) => a.waitlistedAt.getTime() - b.waitlistedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const promoted: string[] = [];
  let seats = freeSeats;
  for (const entry of queue) {
    if (entry.partySize > seats) continue;
    promoted.push(entry.id);
    seats -= entry.partySize;
  }
  return promoted;
}

/**
 * Whether a booking may be cancelled now, and how many seats that frees: the whole party if it
 * was confirmed, none if it was only waitlisted. Refused (NOT_CANCELLABLE) for a booking already
 * cancelled — so a repeated tap frees nothing twice — and once the activity has ended, when the
 * booking is part of the record. Cancelling while the activity runs is allowed: someone who
 * cannot come after all should still free the seat for a walk-in.
 */
export function decideCancellation(
  booking: { status: BookingStatus; partySize: number },
  activity: Pick<BookableActivity, 'endAt'>,
  now: Date,
): CancellationDecision {
  if (booking.status === 'cancelled' || now >= activity.endAt) return { ok: false, problem: 'NOT_CANCELLABLE' };
  return { ok: true, seatsReleased: booking.status === 'confirmed' ? booking.partySize : 0 };
}

const refuse = (problem: BookingProblem): BookingDecision => ({ ok: false, problem });

/** The action's schema refuses these sizes before any decision; reaching here is a bug. */
function assertPartySize(partySize: number): void {
  if (!Number.isInteger(partySize) || partySize < 1) throw new RangeError('partySize must be a positive integer');
}
