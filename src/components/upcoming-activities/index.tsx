import { Text, View } from '@tarojs/components';
import ActivityCard from '@/components/activity-card';
import { useAsync } from '@/hooks/use-async';
import { call } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';
import { communityName, type StationEntry } from '@/services/session';
import './index.scss';

/** How many activities 首页 previews. */
export const PREVIEW_COUNT = 3;

/**
 * 即将开始的活动 on 首页: the next three, and the way to all of them. Quiet when it cannot load
 * (首页 has its own error view for the session; a second one would only confuse).
 */
export default function UpcomingActivities({ station }: { station: StationEntry | null }) {
  const list = useAsync(() => call('activity', 'list', { limit: PREVIEW_COUNT }), []);
  if (!list.data) return null;
  return (
    <View className="ll-upcoming-activities">
      <View className="ll-upcoming-activities__head">
        <Text className="ll-upcoming-activities__title">即将开始的活动</Text>
        <View className="ll-upcoming-activities__more" role="button" onClick={() => openPage(ROUTES.activities)}>
          全部 ›
        </View>
      </View>
      {list.data.items.length === 0 && <Text className="ll-upcoming-activities__empty">近期还没有活动</Text>}
      {list.data.items.map((activity) => (
        <ActivityCard
          key={activity.id}
          activity={activity}
          communityName={communityName(station, activity.communityId)}
          onClick={() => openPage(ROUTES.activity, { id: activity.id })}
        />
      ))}
    </View>
  );
}
