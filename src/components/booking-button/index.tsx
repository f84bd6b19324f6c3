import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { MyActivity } from '@linli/types/actions/activity';
import { formatMoment } from '@/services/activity-time';
import { bookingButtonState, waitlistLabel } from './booking-state';
import './index.scss';

export interface BookingButtonProps {
  detail: MyActivity;
  now: Date;
  /** Seats the booking would take: me plus the family members entered. */
  partySize: number;
  pending: boolean;
  onBook: () => void;
  onCancel: () => void;
}

/**
 * The one control that books, waitlists or cancels, in every state the activity can be in:
 * 报名 / 满员：加入候补 / 已报名（取消报名）/ 候补第N位（取消候补）/ 报名未开始 / 报名已截止 / 已取消.
 * Taps while a request is on its way are ignored (the button is disabled and the action hook
 * keeps one request per intent).
 */
export default function BookingButton({ detail, now, partySize, pending, onBook, onCancel }: BookingButtonProps) {
  const state = bookingButtonState(detail, now);
  const { activity, booking } = detail;
  const party = partySize > 1 ? `（共${partySize}人）` : '';

  switch (state.kind) {
    case 'attended':
      return null;
    case 'booked':
    case 'waitlisted':
      return (
        <View className="ll-booking-button">
          <View className={`ll-booking-button__status ll-booking-button__status--${state.kind}`}>
            <Text className="ll-booking-button__status-title">
              {state.kind === 'booked' ? '已报名' : waitlistLabel(state.position)}
            </Text>
            {booking && booking.partySize > 1 && (
              <Text className="ll-booking-button__hint">
                共{booking.partySize}人：{booking.members.map((member) => member.name).join('、')}和您
              </Text>
            )}
            <Text className="ll-booking-button__hint">
              {state.kind === 'booked'
                ? '到场后扫描现场的签到二维码，全家一次签到'
                : '有人取消时按报名先后自动递补，递补成功会通知您'}
            </Text>
          </View>
          {state.canCancel && (
            <Button
              className="ll-booking-button__cancel"
              type="danger"
              fill="outline"
              size="large"
              block
              loading={pending}
              disabled={pending}
              onClick={onCancel}
            >
              {state.kind === 'booked' ? '取消报名' : '取消候补'}
            </Button>
          )}
        </View>
      );
    case 'open':
    case 'full':
      return (
        <View className="ll-booking-button">
          <Button type="primary" size="large" block loading={pending} disabled={pending} onClick={onBook}>
            {state.kind === 'open' ? `报名${party}` : `满员：加入候补${party}`}
          </Button>
          {state.kind === 'full' && (
            <Text className="ll-booking-button__hint">名额已满。加入候补后，有人取消时按先后自动递补。</Text>
          )}
        </View>
      );
    default:
      return (
        <View className="ll-booking-button">
          <Button size="large" block disabled>
            {CLOSED_LABELS[state.kind]}
          </Button>
          {state.kind === 'not_open' && (
            <Text className="ll-booking-button__hint">{formatMoment(activity.bookingOpensAt, now)} 开始报名</Text>
          )}
          {state.kind === 'not_invited' && (
            <Text className="ll-booking-button__hint">本活动仅限社工邀请的居民参加，如想参加请联系社工。</Text>
          )}
          {state.kind === 'cancelled' && activity.cancelReason && (
            <Text className="ll-booking-button__hint">取消原因：{activity.cancelReason}</Text>
          )}
        </View>
      );
  }
}

const CLOSED_LABELS = {
  cancelled: '活动已取消',
  ended: '活动已结束',
  not_open: '报名未开始',
  closed: '报名已截止',
  not_invited: '仅限受邀居民',
} as const;
