import type { SubscriptionTemplateKey } from '@linli/types/subscriptions';
import dayjs from '../../_shared/runtime/dayjs';
import { platform } from '../../_shared/platform';
import type { ActivityDoc } from '../../_shared/repositories/activities';
import { bookingsRepository, type BookingDoc } from '../../_shared/repositories/bookings';

export type BookingNotice = 'promoted' | 'cancelled' | 'rescheduled';

/**
 * The template each notice goes out on (types/subscriptions.ts: asked at 报名 and 加入候补). A
 * cancellation and a new time share 活动变更通知 — the note says which — so the booking prompt has
 * room for the reminder and the satisfaction form next to it.
 */
export const TEMPLATE: Record<BookingNotice, SubscriptionTemplateKey> = {
  promoted: 'booking_promoted',
  cancelled: 'activity_changed',
  rescheduled: 'activity_changed',
};

const NOTE: Record<BookingNotice, string> = {
  promoted: '候补成功，已为您保留名额',
  cancelled: '活动已取消',
  rescheduled: '活动时间有变，请留意新时间',
};

/** A template's `thing` value holds at most 20 characters. */
const clip = (text: string): string => Array.from(text).slice(0, 20).join('');

/** The 备注 says which change it is; a cancellation says why, as the activity page does. */
const noteFor = (activity: ActivityDoc, notice: BookingNotice): string =>
  notice === 'cancelled' && activity.cancelReason ? clip(`${NOTE.cancelled}：${activity.cancelReason}`) : NOTE[notice];

/** Tells a booker what changed. A message that cannot be sent (not subscribed) is not an error. */
export async function notifyBooker(booking: BookingDoc, activity: ActivityDoc, notice: BookingNotice): Promise<void> {
  await platform().sendSubscribeMessage({
    toOpenid: booking.personId,
    template: TEMPLATE[notice],
    page: `pages/activity/index?id=${activity._id}`,
    data: {
      thing1: clip(activity.title),
      time2: dayjs(activity.startAt).tz().format('YYYY-MM-DD HH:mm'),
      thing3: clip(activity.place),
      thing4: noteFor(activity, notice),
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
