import { decideBooking, decideCancellation, promoteFromWaitlist, seatsLeft } from '../../_shared/domain/booking';
import { AppError } from '../../_shared/runtime/app-error';
import { activitiesRepository, type ActivityDoc } from '../../_shared/repositories/activities';
import { loadActivityOfStation } from '../../_shared/queries/activity-of-station';
import { bookingId, bookingsRepository, type BookingDoc } from '../../_shared/repositories/bookings';
import type { UserDoc } from '../../_shared/repositories/users';
import { notifyBooker } from './notifications';

/** Tries to re-read and re-decide after losing a seat race; a few rounds settle any contention. */
const SEAT_ATTEMPTS = 3;

/**
 * Books seats for the caller's party. The order matters and is what makes it safe:
 * 1. decide with the domain rules (pure), answering at once when there is a live booking;
 * 2. claim the booking slot (`<activity>.<person>` is a unique _id): of 20 taps at once, one
 *    claims, the rest answer with that booking;
 * 3. take seats with a conditional update (never overbooks under any concurrency); if the seats
 *    went meanwhile, re-read and decide again — the party goes to the waitlist when full;
 * 4. settle the booking as confirmed or waitlisted.
 * A crash between 2 and 4 leaves a 'pending' booking, shown to nobody and never counted.
 */
export async function bookActivity(
  caller: UserDoc,
  activityId: string,
  members: { name: string }[],
  now: Date,
): Promise<{ activity: ActivityDoc; booking: BookingDoc }> {
  let activity = await loadActivityOfStation(activityId, caller.stationId);
  const partySize = 1 + members.length;
  const existing = await bookingsRepository.find(activityId, caller._id);
  const live = existing && existing.status !== 'cancelled' ? existing : null;
  const first = decideBooking(
    activity,
    { openid: caller._id, partySize, existing: live ? { status: toDecisionStatus(live) } : undefined },
    now,
  );
  if (!first.ok) throw new AppError(first.problem);
  if (first.outcome === 'already' && live) return { activity, booking: live };

  const claim: BookingDoc = {
    _id: bookingId(activityId, caller._id),
    activityId,
    stationId: activity.stationId,
    personId: caller._id,
    personName: caller.name,
    communityId: caller.communityId,
    status: 'pending',
    partySize,
    members,
    bookedAt: now,
    updatedAt: now,
  };
  if (!(await bookingsRepository.claim(claim))) {
    const current = await bookingsRepository.find(activityId, caller._id);
    if (!current) throw new AppError('CONFLICT');
    return { activity, booking: current };
  }

  for (let attempt = 0; attempt < SEAT_ATTEMPTS; attempt += 1) {
    const decision = decideBooking(activity, { openid: caller._id, partySize }, now);
    if (!decision.ok) {
      await bookingsRepository.transition(claim._id, 'pending', 'cancelled', { cancelledAt: now, updatedAt: now });
      throw new AppError(decision.problem);
    }
    if (decision.outcome === 'confirm' && (await activitiesRepository.takeSeats(activity, partySize))) {
      await bookingsRepository.transition(claim._id, 'pending', 'confirmed', { updatedAt: now });
      return {
        activity: { ...activity, seatsTaken: activity.seatsTaken + partySize },
        booking: { ...claim, status: 'confirmed' },
      };
    }
    if (decision.outcome === 'waitlist') {
      await bookingsRepository.transition(claim._id, 'pending', 'waitlisted', { waitlistedAt: now, updatedAt: now });
      await activitiesRepository.adjustWaitlisted(activityId, 1);
      return {
        activity: { ...activity, waitlisted: activity.waitlisted + 1 },
        booking: { ...claim, status: 'waitlisted', waitlistedAt: now },
      };
    }
    activity = await loadActivityOfStation(activityId, caller.stationId);
  }
  // Still losing seat races after re-reading: hand the seats to the waitlist's order instead.
  await bookingsRepository.transition(claim._id, 'pending', 'waitlisted', { waitlistedAt: now, updatedAt: now });
  await activitiesRepository.adjustWaitlisted(activityId, 1);
  await promoteWaitlist(activityId, now);
  const booking = (await bookingsRepository.find(activityId, caller._id)) ?? claim;
  return { activity: await loadActivityOfStation(activityId, caller.stationId), booking };
}

const toDecisionStatus = (b: BookingDoc) => (b.status === 'pending' ? 'waitlisted' : b.status);

export async function cancelBooking(caller: UserDoc, activityId: string, now: Date) {
  const activity = await loadActivityOfStation(activityId, caller.stationId);
  const booking = await bookingsRepository.find(activityId, caller._id);
  if (!booking || booking.status === 'pending') throw new AppError('NOT_FOUND', '您没有报名这个活动');
  const decision = decideCancellation({ status: booking.status, partySize: booking.partySize }, activity, now);
  if (!decision.ok) throw new AppError(decision.problem);
  const moved = await bookingsRepository.transition(booking._id, booking.status, 'cancelled', {
    cancelledAt: now,
    updatedAt: now,
  });
  if (!moved) return { activity, booking: (await bookingsRepository.find(activityId, caller._id)) ?? booking };
  if (booking.status === 'confirmed') {
    await activitiesRepository.releaseSeats(activityId, booking.partySize);
    await promoteWaitlist(activityId, now);
  } else {
    await activitiesRepository.adjustWaitlisted(activityId, -1);
  }
  return {
    activity: await loadActivityOfStation(activityId, caller.stationId),
    booking: { ...booking, status: 'cancelled' as const, cancelledAt: now },
  };
}

/**
 * Moves waitlisted parties up while seats are free, first come first served (a party too big
 * for the free seats keeps its place; smaller ones behind it may go first). Each promotion takes
 * its seats with the same conditional update as a booking, so it cannot overbook either.
 */
export async function promoteWaitlist(activityId: string, now: Date): Promise<void> {
  const activity = await activitiesRepository.findById(activityId);
  if (!activity || activity.status !== 'published' || activity.endAt <= now) return;
  const waitlist = await bookingsRepository.waitlist(activityId);
  const chosen = promoteFromWaitlist(
    seatsLeft(activity),
    waitlist.map((b) => ({ id: b._id, partySize: b.partySize, waitlistedAt: b.waitlistedAt ?? b.bookedAt })),
  );
  let current = activity;
  for (const id of chosen) {
    const booking = waitlist.find((b) => b._id === id)!;
    if (!(await activitiesRepository.takeSeats(current, booking.partySize))) break;
    current = { ...current, seatsTaken: current.seatsTaken + booking.partySize };
    if (await bookingsRepository.transition(id, 'waitlisted', 'confirmed', { updatedAt: now })) {
      await activitiesRepository.adjustWaitlisted(activityId, -1);
      await notifyBooker(booking, activity, 'promoted');
    } else {
      await activitiesRepository.releaseSeats(activityId, booking.partySize); // cancelled meanwhile
    }
  }
}
