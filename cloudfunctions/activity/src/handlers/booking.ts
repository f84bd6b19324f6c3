import { defineAction } from '../../../_shared/runtime/dispatcher';
import { attendanceRepository } from '../../../_shared/repositories/attendance';
import { bookActivity, cancelBooking as cancel } from '../booking-service';
import { myActivityView } from './my-activity-view';

export const book = defineAction('activity', 'book', {
  access: 'registered',
  scope: 'station',
  // The booking itself is idempotent (one per person per activity); the request id also makes a
  // retried "book" after a cancellation answer the same as the first time.
  writes: true,
  async handle({ activityId, members }, { caller, now }) {
    const { activity, booking } = await bookActivity(caller, activityId, members, now);
    return myActivityView(
      activity,
      caller._id,
      booking,
      await attendanceRepository.forPerson(caller._id, [activityId]),
      now,
    );
  },
});

export const cancelBooking = defineAction('activity', 'cancelBooking', {
  access: 'registered',
  scope: 'self',
  writes: true,
  async handle({ activityId }, { caller, now }) {
    const { activity, booking } = await cancel(caller, activityId, now);
    return myActivityView(
      activity,
      caller._id,
      booking,
      await attendanceRepository.forPerson(caller._id, [activityId]),
      now,
    );
  },
});
