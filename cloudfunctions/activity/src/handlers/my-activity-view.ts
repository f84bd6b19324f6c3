import type { MyActivity } from '@linli/types/actions/activity';
import { isSeries, sessionOfRecord, sessionToShow } from '../../../_shared/domain/sessions';
import type { ActivityDoc } from '../../../_shared/repositories/activities';
import type { AttendanceDoc } from '../../../_shared/repositories/attendance';
import { bookingsRepository, type BookingDoc } from '../../../_shared/repositories/bookings';
import { toActivity, toAttendance, toBooking } from '../../../_shared/views/activity';

/**
 * Which of my records to show with an activity: the only one, or at a 小组 series the one of the
 * session on now (else my latest), with the number of sessions I attended.
 */
export function myAttendance(activity: ActivityDoc, records: readonly AttendanceDoc[], now: Date) {
  const mine = records.filter((r) => r.activityId === activity._id);
  if (!isSeries(activity)) return { attendance: mine[0] ? toAttendance(mine[0]) : null };
  const current = sessionToShow(activity, now)!;
  const valid = mine.filter((r) => !r.annulled);
  const shown =
    mine.find((r) => sessionOfRecord(r) === current.index) ??
    [...valid].sort((a, b) => b.signedInAt.getTime() - a.signedInAt.getTime())[0];
  return { attendance: shown ? toAttendance(shown) : null, sessionsAttended: valid.length };
}

/** Whether I may book an invitation-only activity: only its list is told, not who else is on it. */
export const invitation = (activity: ActivityDoc, personId: string) =>
  activity.audience === 'invited' ? { invited: activity.invited.includes(personId) } : {};

/** An activity with the caller's booking (and waitlist place) and attendance. */
export async function myActivityView(
  activity: ActivityDoc,
  personId: string,
  booking: BookingDoc | null,
  attendance: readonly AttendanceDoc[],
  now: Date,
): Promise<MyActivity> {
  const position =
    booking?.status === 'waitlisted' && booking.waitlistedAt
      ? await bookingsRepository.waitlistPosition(activity._id, booking.waitlistedAt)
      : undefined;
  return {
    activity: toActivity(activity),
    booking: booking ? toBooking(booking, position) : null,
    ...myAttendance(activity, attendance, now),
    ...invitation(activity, personId),
  };
}
