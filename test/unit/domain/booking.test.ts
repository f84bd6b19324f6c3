import {
  type BookableActivity,
  decideBooking,
  decideCancellation,
  MAX_PARTY_SIZE,
  promoteFromWaitlist,
  seatsLeft,
} from '../../../cloudfunctions/_shared/domain/booking';

const now = new Date('2026-11-23T10:00:00+08:00');
const minutes = (n: number) => new Date(now.getTime() + n * 60 * 1000);
/** Bookable now: opened an hour ago, closes an hour before the 14:00 start. */
const activity: BookableActivity = {
  capacity: 20,
  seatsTaken: 10,
  status: 'published',
  startAt: minutes(240),
  endAt: minutes(360),
  bookingOpensAt: minutes(-60),
  bookingClosesAt: minutes(180),
  audience: 'everyone',
  invited: [],
};
const resident = { openid: 'oResident', partySize: 1 };

describe('decideBooking', () => {
  it('confirms when the free seats hold the party', () => {
    expect(decideBooking(activity, resident, now)).toEqual({ ok: true, outcome: 'confirm' });
  });
  it('confirms a party that takes exactly the last seats', () => {
    expect(decideBooking({ ...activity, seatsTaken: 17 }, { ...resident, partySize: 3 }, now)).toEqual({
      ok: true,
      outcome: 'confirm',
    });
  });
  it('waitlists a party when fewer seats are left than its size: a household is never split', () => {
    expect(decideBooking({ ...activity, seatsTaken: 18 }, { ...resident, partySize: 3 }, now)).toEqual({
      ok: true,
      outcome: 'waitlist',
    });
  });
  it('answers "already" for a live booking, however often the button is tapped', () => {
    const confirmed = { ...resident, existing: { status: 'confirmed' as const } };
    const outcomes = Array.from({ length: 20 }, () => decideBooking(activity, confirmed, now));
    expect(new Set(outcomes.map((d) => d.ok && d.outcome))).toEqual(new Set(['already']));
    expect(decideBooking(activity, { ...resident, existing: { status: 'waitlisted' } }, now)).toEqual({
      ok: true,
      outcome: 'already',
    });
  });
  it('answers "already" to a retry that arrives after booking closed', () => {
    expect(decideBooking(activity, { ...resident, existing: { status: 'confirmed' } }, minutes(200))).toEqual({
      ok: true,
      outcome: 'already',
    });
  });
  it('lets a resident who cancelled book again', () => {
    expect(decideBooking(activity, { ...resident, existing: { status: 'cancelled' } }, now)).toEqual({
      ok: true,
      outcome: 'confirm',
    });
  });
  it('refuses a cancelled activity, even to someone who holds a booking', () => {
    const cancelled = { ...activity, status: 'cancelled' as const };
    expect(decideBooking(cancelled, resident, now)).toEqual({ ok: false, problem: 'ACTIVITY_CANCELLED' });
    expect(decideBooking(cancelled, { ...resident, existing: { status: 'confirmed' } }, now)).toEqual({
      ok: false,
      problem: 'ACTIVITY_CANCELLED',
    });
  });
  it('refuses before booking opens, and opens at the instant given', () => {
    const opensNow = { ...activity, bookingOpensAt: now };
    expect(decideBooking({ ...activity, bookingOpensAt: minutes(1) }, resident, now)).toEqual({
      ok: false,
      problem: 'BOOKING_NOT_OPEN',
    });
    expect(decideBooking(opensNow, resident, now)).toMatchObject({ ok: true });
  });
  it('refuses from the instant booking closes', () => {
    expect(decideBooking(activity, resident, minutes(180))).toEqual({ ok: false, problem: 'BOOKING_CLOSED' });
  });
  it('refuses once the activity has started, even if the closing time was set later', () => {
    const closesLate = { ...activity, bookingClosesAt: minutes(300) };
    expect(decideBooking(closesLate, resident, minutes(240))).toEqual({ ok: false, problem: 'BOOKING_CLOSED' });
  });
  it('refuses someone not invited to an invited-only activity, and accepts the invited', () => {
    const invitedOnly = { ...activity, audience: 'invited' as const, invited: ['oInvited'] };
    expect(decideBooking(invitedOnly, resident, now)).toEqual({ ok: false, problem: 'NOT_INVITED' });
    expect(decideBooking(invitedOnly, { ...resident, openid: 'oInvited' }, now)).toMatchObject({ ok: true });
  });
  it('refuses a party above the household limit', () => {
    expect(decideBooking(activity, { ...resident, partySize: MAX_PARTY_SIZE + 1 }, now)).toEqual({
      ok: false,
      problem: 'PARTY_TOO_LARGE',
    });
    expect(decideBooking(activity, { ...resident, partySize: MAX_PARTY_SIZE }, now)).toMatchObject({ ok: true });
  });
  it('refuses a party larger than the whole activity rather than waitlisting it forever', () => {
    expect(decideBooking({ ...activity, capacity: 4, seatsTaken: 0 }, { ...resident, partySize: 5 }, now)).toEqual({
      ok: false,
      problem: 'PARTY_TOO_LARGE',
    });
  });
  it('treats a party size below 1 or fractional as a bug the schema should have caught', () => {
    expect(() => decideBooking(activity, { ...resident, partySize: 0 }, now)).toThrow(RangeError);
    expect(() => decideBooking(activity, { ...resident, partySize: 1.5 }, now)).toThrow(RangeError);
  });
});

describe('seatsLeft', () => {
  it('is capacity minus seats taken', () => {
    expect(seatsLeft(activity)).toBe(10);
  });
  it('is never negative, even after capacity was lowered below the seats taken', () => {
    expect(seatsLeft({ capacity: 8, seatsTaken: 10 })).toBe(0);
  });
});

describe('promoteFromWaitlist', () => {
  const entry = (id: string, partySize: number, minute: number) => ({ id, partySize, waitlistedAt: minutes(minute) });

  it('confirms first come, first served', () => {
    expect(promoteFromWaitlist(2, [entry('late', 1, 5), entry('early', 1, 1), entry('last', 1, 9)])).toEqual([
      'early',
      'late',
    ]);
  });
  it('skips a party that does not fit so smaller ones behind it get the seats', () => {
    expect(promoteFromWaitlist(2, [entry('family', 4, 1), entry('couple', 2, 2)])).toEqual(['couple']);
  });
  it('keeps the skipped party first in line when enough seats come free', () => {
    expect(promoteFromWaitlist(4, [entry('family', 4, 1), entry('couple', 2, 2)])).toEqual(['family']);
  });
  it('never confirms more seats than are free', () => {
    expect(promoteFromWaitlist(5, [entry('a', 3, 1), entry('b', 3, 2), entry('c', 2, 3), entry('d', 1, 4)])).toEqual([
      'a',
      'c',
    ]);
  });
  it('breaks a tie in waiting time by id, whatever order the database returns', () => {
    expect(promoteFromWaitlist(1, [entry('b', 1, 1), entry('a', 1, 1)])).toEqual(['a']);
    expect(promoteFromWaitlist(1, [entry('a', 1, 1), entry('b', 1, 1)])).toEqual(['a']);
  });
  it('confirms nobody when no seat is free', () => {
    expect(promoteFromWaitlist(0, [entry('a', 1, 1)])).toEqual([]);
  });
});

describe('decideCancellation', () => {
  it('releases the whole party of a confirmed booking', () => {
    expect(decideCancellation({ status: 'confirmed', partySize: 3 }, activity, now)).toEqual({
      ok: true,
      seatsReleased: 3,
    });
  });
  it('releases no seats for a waitlisted booking', () => {
    expect(decideCancellation({ status: 'waitlisted', partySize: 3 }, activity, now)).toEqual({
      ok: true,
      seatsReleased: 0,
    });
  });
  it('refuses a booking already cancelled, so a repeated tap frees nothing twice', () => {
    expect(decideCancellation({ status: 'cancelled', partySize: 3 }, activity, now)).toEqual({
      ok: false,
      problem: 'NOT_CANCELLABLE',
    });
  });
  it('allows cancelling while the activity runs, so a walk-in can have the seat', () => {
    expect(decideCancellation({ status: 'confirmed', partySize: 1 }, activity, minutes(300))).toMatchObject({
      ok: true,
    });
  });
  it('refuses from the instant the activity ends', () => {
    expect(decideCancellation({ status: 'confirmed', partySize: 1 }, activity, minutes(360))).toEqual({
      ok: false,
      problem: 'NOT_CANCELLABLE',
    });
  });
});
