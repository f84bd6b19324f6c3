import type { MyActivity } from '@linli/types/actions/activity';
import type { ActivityDoc } from '../../../_shared/repositories/activities';
import type { AttendanceDoc } from '../../../_shared/repositories/attendance';
import { bookingsRepository, type BookingDoc } from '../../../_shared/repositories/bookings';
import { toActivity, toAttendance, toBooking } from '../../../_shared/views/activity';

/** An activity with the caller's booking (and waitlist place) and attendance. */
export async function myActivityView(
  activity: ActivityDoc,
  booking: BookingDoc | null,
  attendance: AttendanceDoc | null,
): Promise<MyActivity> {
  const position =
    booking?.status === 'waitlisted' && booking.waitlistedAt
      ? await bookingsRepository.waitlistPosition(activity._id, booking.waitlistedAt)
      : undefined;
  return {
    activity: toActivity(activity),
    booking: booking ? toBooking(booking, position) : null,
    attendance: attendance ? toAttendance(attendance) : null,
  };
}
