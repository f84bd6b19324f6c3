import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { MyActivity } from '@linli/types/actions/activity';
import ActivityCard from '@/components/activity-card';
import { myActivityStatus } from '@/components/booking-button/booking-state';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';
import { communityName } from '@/services/session';
import './index.scss';

/** 我的活动: what I booked and am going to, and what I attended, each with my status. */
export default function MyActivitiesPage() {
  const { station } = useSession();
  const mine = useAsync(() => call('activity', 'mine', {}), []);
  usePageRefresh(mine.reload);

  const now = new Date();
  const card = (entry: MyActivity) => (
    <ActivityCard
      key={entry.activity.id}
      activity={entry.activity}
      communityName={communityName(station, entry.activity.communityId)}
      status={myActivityStatus(entry, now)}
      showSeats={false}
      onClick={() => openPage(ROUTES.activity, { id: entry.activity.id })}
    />
  );

  return (
    <PageShell className="my-activities-page">
      <PageHeader title="我的活动" />
      {!mine.data && mine.loading && <LoadingState />}
      {!mine.data && mine.error && <ErrorState error={mine.error} onRetry={mine.reload} />}
      {mine.data && mine.data.upcoming.length === 0 && mine.data.past.length === 0 && (
        <EmptyState
          title="还没有报名活动"
          description="在「活动」里挑一个感兴趣的，报名后会显示在这里。"
          action={
            <Button type="primary" onClick={() => openPage(ROUTES.activities)}>
              去看看活动
            </Button>
          }
        />
      )}
      {mine.data && mine.data.upcoming.length > 0 && (
        <View className="my-activities-page__section">
          <Text className="my-activities-page__heading">即将参加</Text>
          {mine.data.upcoming.map((entry) => card(entry))}
        </View>
      )}
      {mine.data && mine.data.past.length > 0 && (
        <View className="my-activities-page__section">
          <Text className="my-activities-page__heading">参加过的</Text>
          {mine.data.past.map((entry) => card(entry))}
        </View>
      )}
    </PageShell>
  );
}
