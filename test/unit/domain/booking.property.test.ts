import fc from 'fast-check';
import {
  type BookableActivity,
  type BookingStatus,
  decideBooking,
  decideCancellation,
  MAX_PARTY_SIZE,
  promoteFromWaitlist,
  seatsLeft,
} from '../../../cloudfunctions/_shared/domain/booking';

/**
 * A model of the booking function: it applies the domain's decisions the way the function will
 * (a new record per booking, promotions after every release) to random sequences of residents
 * booking and cancelling, and checks the seat invariants after every step.
 */

interface BookingRecord {
  id: string;
  openid: string;
  status: BookingStatus;
  partySize: number;
  waitlistedAt: Date;
}

/** Plain checks rather than expect(): thousands of steps run, and the message names the rule broken. */
function holds(condition: boolean, invariant: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${invariant}`);
}

type Step = { kind: 'book'; who: number; partySize: number } | { kind: 'cancel'; who: number };

const RESIDENTS = 8;
const start = new Date('2026-11-23T09:00:00+08:00');
const days = (n: number) => new Date(start.getTime() + n * 24 * 3600 * 1000);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('book' as const),
    who: fc.nat({ max: RESIDENTS - 1 }),
    partySize: fc.integer({ min: 1, max: MAX_PARTY_SIZE }),
  }),
  fc.record({ kind: fc.constant('cancel' as const), who: fc.nat({ max: RESIDENTS - 1 }) }),
);

class Model {
  readonly bookings: BookingRecord[] = [];
  readonly activity: BookableActivity;
  private clock = start.getTime();

  constructor(capacity: number) {
    this.activity = {
      capacity,
      seatsTaken: 0,
      status: 'published',
      // Steps are a second apart: every step falls while booking is open, long before the start.
      startAt: days(7),
      endAt: days(7.1),
      bookingOpensAt: start,
      bookingClosesAt: days(6),
      audience: 'everyone',
      invited: [],
    };
  }

  /** A second passes between steps, so waitlist order is the order of booking. */
  private tick(): Date {
    this.clock += 1000;
    return new Date(this.clock);
  }

  /** The resident's latest booking record, as the function would look it up. */
  latest(openid: string): BookingRecord | undefined {
    return this.bookings.filter((b) => b.openid === openid).at(-1);
  }

  book(openid: string, partySize: number): void {
    const now = this.tick();
    const existing = this.latest(openid);
    const decision = decideBooking(this.activity, { openid, partySize, existing }, now);
    if (!decision.ok) {
      // The only refusal possible here: everything else about the activity is bookable.
      holds(
        decision.problem === 'PARTY_TOO_LARGE' && partySize > this.activity.capacity,
        'only oversized parties refused',
      );
      return;
    }
    if (decision.outcome === 'already') {
      holds(existing !== undefined && existing.status !== 'cancelled', "'already' only for a live booking");
      return;
    }
    const status = decision.outcome === 'confirm' ? 'confirmed' : 'waitlisted';
    this.bookings.push({ id: `b${this.bookings.length}`, openid, status, partySize, waitlistedAt: now });
    if (status === 'confirmed') this.activity.seatsTaken += partySize;
  }

  cancel(openid: string): void {
    const now = this.tick();
    const booking = this.latest(openid);
    if (!booking) return;
    const wasConfirmed = booking.status === 'confirmed';
    const takenBefore = this.activity.seatsTaken;
    const decision = decideCancellation(booking, this.activity, now);
    if (!decision.ok) {
      holds(booking.status === 'cancelled', 'only a cancelled booking is refused before the end');
      return;
    }
    booking.status = 'cancelled';
    this.activity.seatsTaken -= decision.seatsReleased;
    // Cancelling releases exactly the seats the booking held, before anyone moves up.
    const held = wasConfirmed ? booking.partySize : 0;
    holds(decision.seatsReleased === held, 'cancelling releases the seats the booking held');
    holds(this.activity.seatsTaken === takenBefore - held, 'seats taken drop by exactly those seats');
    this.promote();
  }

  private promote(): void {
    const waiting = this.bookings.filter((b) => b.status === 'waitlisted');
    for (const id of promoteFromWaitlist(seatsLeft(this.activity), waiting)) {
      const booking = this.bookings.find((b) => b.id === id)!;
      booking.status = 'confirmed';
      this.activity.seatsTaken += booking.partySize;
    }
  }

  checkInvariants(): void {
    const { capacity, seatsTaken } = this.activity;
    const confirmedSeats = this.bookings
      .filter((b) => b.status === 'confirmed')
      .reduce((sum, b) => sum + b.partySize, 0);
    const left = seatsLeft(this.activity);
    holds(seatsTaken === confirmedSeats, 'seats taken = sum of confirmed party sizes');
    holds(seatsTaken >= 0 && seatsTaken <= capacity, '0 ≤ seats taken ≤ capacity');
    holds(left >= 0 && seatsTaken + left === capacity, 'seats taken + seats left = capacity');
    const liveOpenids = this.bookings.filter((b) => b.status !== 'cancelled').map((b) => b.openid);
    holds(new Set(liveOpenids).size === liveOpenids.length, 'no resident has two live bookings');
    // Nobody waits for seats that are free: every release promoted whoever fits.
    const waiting = this.bookings.filter((b) => b.status === 'waitlisted');
    holds(
      waiting.every((b) => b.partySize > left),
      'no waitlisted party fits in the free seats',
    );
    holds(
      waiting.every((b) => b.partySize <= capacity),
      'no party waits for seats that can never exist',
    );
  }
}

describe('booking and cancelling in any order', () => {
  it('keeps seats consistent: taken = confirmed parties ≤ capacity, one live booking each', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }),
        fc.array(stepArb, { maxLength: 60, size: 'max' }),
        (capacity, steps) => {
          const model = new Model(capacity);
          for (const step of steps) {
            const openid = `o${step.who}`;
            if (step.kind === 'book') model.book(openid, step.partySize);
            else model.cancel(openid);
            model.checkInvariants();
          }
        },
      ),
      { seed: 20261123, numRuns: 200 },
    );
  });
});
