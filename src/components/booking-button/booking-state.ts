import type { MyActivity } from '@linli/types/actions/activity';
import type { StatusText } from '@/components/status-badge';
import { formatClock } from '@/services/activity-time';

/**
 * Which booking control a resident sees. This only chooses what to offer: the `activity`
 * function decides every outcome (and answers BOOKING_CLOSED, NOT_INVITED … when the screen was
 * out of date), so the order below mirrors cloudfunctions/_shared/domain/booking.ts:
 * a cancelled activity first, then a live booking (it stands whatever the window), then the
 * booking window, then the seats.
 */
export type BookingButtonState =
  | { kind: 'cancelled' }
  | { kind: 'attended' }
  | { kind: 'booked'; canCancel: boolean }
  | { kind: 'waitlisted'; position?: number; canCancel: boolean }
  | { kind: 'ended' }
  | { kind: 'not_open' }
  | { kind: 'closed' }
  | { kind: 'full' }
  | { kind: 'not_invited' }
  | { kind: 'open' };

const at = (iso: string) => Date.parse(iso);

export function bookingButtonState(
  { activity, booking, attendance, invited }: MyActivity,
  now: Date,
): BookingButtonState {
  const time = now.getTime();
  if (activity.status === 'cancelled') return { kind: 'cancelled' };
  if (attendance && !attendance.annulled) return { kind: 'attended' };
  // Cancelling is possible until the end (a seat freed during the activity still helps a walk-in).
  const canCancel = time < at(activity.endAt);
  if (booking?.status === 'confirmed') return { kind: 'booked', canCancel };
  if (booking?.status === 'waitlisted') return { kind: 'waitlisted', position: booking.waitlistPosition, canCancel };
  if (time >= at(activity.endAt)) return { kind: 'ended' };
  if (time < at(activity.bookingOpensAt)) return { kind: 'not_open' };
  if (time >= at(activity.bookingClosesAt) || time >= at(activity.startAt)) return { kind: 'closed' };
  if (invited === false) return { kind: 'not_invited' };
  return activity.seatsLeft > 0 ? { kind: 'open' } : { kind: 'full' };
}

/**
 * Whether a tap on 报名 for this party joins the waitlist rather than taking seats, as far as the
 * screen knows (the same test as domain/booking.ts: the party needs more seats than are left).
 * It chooses which messages to ask for: a waitlisted person above all wants "you got a seat".
 */
export const joinsWaitlist = ({ activity }: MyActivity, partySize: number): boolean => activity.seatsLeft < partySize;

/** The state's words: `候补第2位`, `已报名` … */
export function waitlistLabel(position: number | undefined): string {
  return position ? `候补第${position}位` : '候补中';
}

/**
 * My part in an activity, in one badge: 已签到 14:02, 已报名 · 3人, 候补第2位, 未签到 …
 * Null when I have nothing to do with it.
 */
export function myActivityStatus({ activity, booking, attendance }: MyActivity, now: Date): StatusText | null {
  if (attendance && !attendance.annulled) {
    return attendance.signedOutAt
      ? { text: `已签退 ${formatClock(attendance.signedOutAt)}`, tone: 'accent' }
      : { text: `已签到 ${formatClock(attendance.signedInAt)}`, tone: 'accent' };
  }
  if (activity.status === 'cancelled') return { text: '活动已取消', tone: 'danger' };
  if (!booking) return null;
  if (booking.status === 'cancelled') return { text: '已取消报名', tone: 'muted' };
  if (booking.status === 'waitlisted') return { text: waitlistLabel(booking.waitlistPosition), tone: 'warning' };
  if (now.getTime() >= at(activity.endAt)) return { text: '未签到', tone: 'muted' };
  return { text: booking.partySize > 1 ? `已报名 · ${booking.partySize}人` : '已报名', tone: 'primary' };
}
