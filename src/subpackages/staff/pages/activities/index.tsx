import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import ActivityCard from '@/components/activity-card';
import { activityPhase } from '@/components/activity-card/phase';
import LoadMore from '@/components/load-more';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { useVisitChecks } from '@/components/visit-team/use-visit-checks';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { usePagedList } from '@/hooks/use-paged-list';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';
import { communityName } from '@/services/session';
import './index.scss';

/** 活动管理: every activity of the station, newest first, with the ways into sign-in and roster. */
export default function ManageActivitiesPage() {
  return (
    <StaffGate need="staff">
      <ManageActivities />
    </StaffGate>
  );
}

function ManageActivities() {
  const { station } = useSession();
  const list = usePagedList((cursor) => call('activity', 'manage', { cursor, limit: 20 }), []);
  usePageRefresh(list.reload);
  // Home visits are flagged when their 探访人员 fall short of seed 000's staffing rule.
  const visitChecks = useVisitChecks(list.items);
  const now = new Date();

  return (
    <PageShell className="manage-activities-page">
      <PageHeader title="活动管理" subtitle={station?.name} />
      <View className="manage-activities-page__publish">
        <Button type="primary" size="large" block onClick={() => openPage(ROUTES.activityEdit)}>
          发布活动
        </Button>
      </View>
      {list.loading && <LoadingState />}
      {list.error && list.items.length === 0 && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.loading && !list.error && list.items.length === 0 && (
        <EmptyState title="还没有活动" description="点「发布活动」，居民就能在「活动」里看到并报名。" />
      )}
      {list.items.map((activity) => {
        const phase = activityPhase(activity, now);
        const live = activity.status !== 'cancelled';
        const visitCheck = visitChecks.get(activity.id);
        return (
          <ActivityCard
            key={activity.id}
            activity={activity}
            communityName={communityName(station, activity.communityId)}
            status={phase}
            showSeats={false}
          >
            {activity.importedFrom ? (
              // A historic record from a station's own 台账: nobody booked it in the app.
              <Text className="manage-activities-page__imported">历史台账 · 导入自 {activity.importedFrom}</Text>
            ) : (
              <Text className="manage-activities-page__counts">
                已报名 {activity.capacity - activity.seatsLeft}/{activity.capacity} 人
                {activity.waitlisted > 0 ? ` · 候补 ${activity.waitlisted} 人` : ''}
              </Text>
            )}
            {visitCheck && (
              <Text
                className={`manage-activities-page__visit manage-activities-page__visit--${visitCheck.meets ? 'met' : 'short'}`}
                data-testid="visit-flag"
              >
                探访人员：{visitCheck.text}
              </Text>
            )}
            <View className="manage-activities-page__actions">
              {live && (
                <Button type="primary" onClick={() => openPage(ROUTES.signIn, { id: activity.id })}>
                  签到
                </Button>
              )}
              <Button type="primary" fill="outline" onClick={() => openPage(ROUTES.roster, { id: activity.id })}>
                {activity.kind === 'home_visit' ? '名单与探访人员' : '名单'}
              </Button>
              {live && (
                <Button fill="outline" onClick={() => openPage(ROUTES.activitySurvey, { id: activity.id })}>
                  意见表
                </Button>
              )}
              {activity.volunteerRoles.length > 0 && (
                <Button fill="outline" onClick={() => openPage(ROUTES.shiftRoster, { id: activity.id })}>
                  志愿者
                </Button>
              )}
              {live && (
                <Button fill="outline" onClick={() => openPage(ROUTES.activityEdit, { id: activity.id })}>
                  编辑
                </Button>
              )}
            </View>
          </ActivityCard>
        );
      })}
      {list.items.length > 0 && <LoadMore list={list} />}
    </PageShell>
  );
}
