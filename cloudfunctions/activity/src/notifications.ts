import dayjs from '../../_shared/runtime/dayjs';
import { platform } from '../../_shared/platform';
import type { ActivityDoc } from '../../_shared/repositories/activities';
import { bookingsRepository, type BookingDoc } from '../../_shared/repositories/bookings';

export type BookingNotice = 'promoted' | 'cancelled' | 'rescheduled';

const TEMPLATE: Record<BookingNotice, string> = {
  promoted: 'booking_promoted',
  cancelled: 'activity_cancelled',
  rescheduled: 'activity_rescheduled',
};

const NOTE: Record<BookingNotice, string> = {
  promoted: '候补成功，已为您保留名额',
  cancelled: '活动已取消',
  rescheduled: '活动时间有变，请留意新时间',
};

/** Tells a booker what changed. A message that cannot be sent (not subscribed) is not an error. */
export async function notifyBooker(booking: BookingDoc, activity: ActivityDoc, notice: BookingNotice): Promise<void> {
  await platform().sendSubscribeMessage({
    toOpenid: booking.personId,
    template: TEMPLATE[notice],
    page: `pages/activity/index?id=${activity._id}`,
    data: {
      thing1: activity.title.slice(0, 20),
      time2: dayjs(activity.startAt).tz().format('YYYY-MM-DD HH:mm'),
      thing3: activity.place.slice(0, 20),
      thing4: NOTE[notice],
    },
  });
}

/** Everyone holding a live booking hears about a cancellation or a new time. */
export async function notifyAllBookers(activity: ActivityDoc, notice: BookingNotice): Promise<number> {
  const bookings = await bookingsRepository.forActivity(activity._id);
  for (const booking of bookings) {
    if (!booking.personId.startsWith('walkin-')) await notifyBooker(booking, activity, notice);
  }
  return bookings.length;
}
