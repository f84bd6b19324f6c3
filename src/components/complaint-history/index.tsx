import { Text, View } from '@tarojs/components';
import { COMPLAINT_STEP_LABELS, type ComplaintEventView } from '@linli/types/entities/complaint';
import { formatMoment } from '@/services/activity-time';
import './index.scss';

/** `李社工 答复`, `系统 指派给李社工`, `陈站长 改派给王社工`. */
export function eventText(event: ComplaintEventView): string {
  const to = event.handlerName ? `给${event.handlerName}` : '';
  return `${event.by} ${COMPLAINT_STEP_LABELS[event.step]}${to}`;
}

/** 处理记录: every step kept, oldest first — who, when, and what they wrote. */
export default function ComplaintHistory({ events }: { events: readonly ComplaintEventView[] }) {
  return (
    <View className="ll-complaint-history" data-testid="complaint-history">
      <Text className="ll-complaint-history__heading">处理记录</Text>
      {events.map((event, index) => (
        <View key={`${event.step}-${event.at}-${index}`} className="ll-complaint-history__event">
          <Text className="ll-complaint-history__when">{formatMoment(event.at)}</Text>
          <Text className="ll-complaint-history__what">{eventText(event)}</Text>
          {event.note && <Text className="ll-complaint-history__note">{event.note}</Text>}
        </View>
      ))}
    </View>
  );
}
