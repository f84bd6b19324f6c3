import { Text, View } from '@tarojs/components';
import type { Activity } from '@linli/types/entities/activity';
import { ACTIVITY_KIND_LABELS, SERVICE_AREA_LABELS } from '@linli/types/entities/activity-kinds';
import SeatBadge from '@/components/seat-badge';
import { formatMoment, formatTimeRange } from '@/services/activity-time';
import './index.scss';

export interface ActivityFactsProps {
  activity: Activity;
  communityName: string;
}

/** The top of an activity's page: title, kind, when, where, seats, and what changed. */
export default function ActivityFacts({ activity, communityName }: ActivityFactsProps) {
  return (
    <View className="ll-activity-facts">
      <Text className="ll-activity-facts__kind">
        {ACTIVITY_KIND_LABELS[activity.kind]} · {SERVICE_AREA_LABELS[activity.serviceArea]}
      </Text>
      <Text className="ll-activity-facts__title">{activity.title}</Text>
      {activity.status === 'cancelled' && (
        <View className="ll-activity-facts__notice ll-activity-facts__notice--danger" role="note">
          活动已取消{activity.cancelReason ? `：${activity.cancelReason}` : ''}
        </View>
      )}
      {activity.status !== 'cancelled' && activity.rescheduledAt && (
        <View className="ll-activity-facts__notice" role="note">
          活动时间已调整（{formatMoment(activity.rescheduledAt)} 更新），请留意新的时间
        </View>
      )}
      {activity.sessions ? (
        <View className="ll-activity-facts__row">
          <Text className="ll-activity-facts__label">时间</Text>
          <View className="ll-activity-facts__value">
            <Text>小组共{activity.sessions.length}节，报名一次，每节分别签到</Text>
            {activity.sessions.map((session) => (
              <View key={session.index} className="ll-activity-facts__session">
                第{session.index}节 {formatTimeRange(session.startAt, session.endAt)}
              </View>
            ))}
          </View>
        </View>
      ) : (
        <Fact label="时间" value={formatTimeRange(activity.startAt, activity.endAt)} />
      )}
      <Fact label="地点" value={[communityName, activity.place].filter(Boolean).join(' · ')} />
      <View className="ll-activity-facts__row">
        <Text className="ll-activity-facts__label">名额</Text>
        <View className="ll-activity-facts__value">
          <Text>共{activity.capacity}个 </Text>
          <SeatBadge activity={activity} />
        </View>
      </View>
      <Fact
        label="报名时间"
        value={`${formatMoment(activity.bookingOpensAt)} 至 ${formatMoment(activity.bookingClosesAt)}`}
      />
      {activity.audience === 'invited' && <Fact label="对象" value="仅限受邀居民" />}
    </View>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="ll-activity-facts__row">
      <Text className="ll-activity-facts__label">{label}</Text>
      <Text className="ll-activity-facts__value">{value}</Text>
    </View>
  );
}
