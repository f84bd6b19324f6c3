import { Text, View } from '@tarojs/components';
import { WISH_ACTION_LABELS, WISH_ROLE_LABELS, type WishDetail, type WishEventView } from '@linli/types/entities/wish';
import { formatMoment } from '@/services/activity-time';
import './index.scss';

/** `李社工（社工）审核通过`; the system's steps without a person. */
export function eventText(event: WishEventView): string {
  if (event.role === 'system') return WISH_ACTION_LABELS[event.action];
  return `${event.by}（${WISH_ROLE_LABELS[event.role]}）${WISH_ACTION_LABELS[event.action]}`;
}

/**
 * 记录: every step of a wish, oldest first — who, in what capacity, when, and the note they left
 * (the reason for changes, the delivery, the confirmation). Nothing is ever removed from it.
 */
export default function WishHistory({ history }: { history: WishDetail['history'] }) {
  return (
    <View className="ll-wish-history" data-testid="wish-history">
      <Text className="ll-wish-history__heading">记录</Text>
      {history.map((event, index) => (
        <View key={`${index}-${event.action}`} className="ll-wish-history__event">
          <Text className="ll-wish-history__when">{formatMoment(event.at)}</Text>
          <Text className="ll-wish-history__what">{eventText(event)}</Text>
          {event.note && <Text className="ll-wish-history__note">{event.note}</Text>}
        </View>
      ))}
    </View>
  );
}
