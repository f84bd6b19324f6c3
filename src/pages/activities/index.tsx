import { View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import ActivityCard from '@/components/activity-card';
import ActivityFilters, { type ActivityFilterValue } from '@/components/activity-filters';
import { myActivityStatus } from '@/components/booking-button/booking-state';
import LoadMore from '@/components/load-more';
import NoticeCard from '@/components/notice-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { EmptyState, ErrorState, LoadingState, sessionFallback } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { usePagedList } from '@/hooks/use-paged-list';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';
import { communityName } from '@/services/session';

/** 活动: the station's upcoming activities, filtered by community, kind and day, 20 at a time. */
export default function ActivitiesPage() {
  const session = useSession();
  const fallback = sessionFallback(session);
  if (fallback) return <PageShell>{fallback}</PageShell>;
  if (!session.registered) {
    return (
      <PageShell>
        <NoticeCard
          title="完善资料后就能报名活动"
          description="填写姓名和所在社区，就能看到社区的活动并报名。"
          actionText="完善资料"
          onAction={() => openPage(ROUTES.profile)}
        />
      </PageShell>
    );
  }
  return <Activities />;
}

function Activities() {
  const { station } = useSession();
  const [filters, setFilters] = useState<ActivityFilterValue>({});
  const list = usePagedList(
    (cursor) => call('activity', 'list', { ...filters, cursor, limit: 20 }),
    [filters.communityId, filters.kind, filters.fromDate],
  );
  // activity.list knows nothing of me: my bookings come from activity.mine, for the badges.
  const mine = useAsync(() => call('activity', 'mine', {}), []);
  const statusById = useMemo(() => {
    const now = new Date();
    return new Map(mine.data?.upcoming.map((entry) => [entry.activity.id, myActivityStatus(entry, now)]));
  }, [mine.data]);

  usePageRefresh(() => {
    list.reload();
    mine.reload();
  });

  return (
    <PageShell className="activities-page">
      <PageHeader title="社区活动" subtitle={station?.name} />
      <ActivityFilters station={station} value={filters} onChange={setFilters} />
      {list.loading && <LoadingState />}
      {list.error && list.items.length === 0 && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.loading && !list.error && list.items.length === 0 && (
        <EmptyState title="暂无可预约的活动" description="社工发布新活动后，会在这里显示。" />
      )}
      <View>
        {list.items.map((activity) => (
          <ActivityCard
            key={activity.id}
            activity={activity}
            communityName={communityName(station, activity.communityId)}
            status={statusById.get(activity.id)}
            onClick={() => openPage(ROUTES.activity, { id: activity.id })}
          />
        ))}
      </View>
      {list.items.length > 0 && <LoadMore list={list} />}
    </PageShell>
  );
}
