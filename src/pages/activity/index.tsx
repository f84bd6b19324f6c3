import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import ActivityFacts from '@/components/activity-facts';
import AttendanceCard from '@/components/attendance-card';
import BookingPanel from '@/components/booking-panel';
import PageShell from '@/components/page-shell';
import { ErrorState, LoadingState } from '@/components/state-views';
import SurveyPrompt from '@/components/survey-prompt';
import { useAsync } from '@/hooks/use-async';
import { useNow } from '@/hooks/use-interval';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { communityName } from '@/services/session';
import './index.scss';

/**
 * 活动详情 (`?id=`): what, when, where, seats; booking for me and my family; my sign-in; the
 * satisfaction form once I attended. `&feedback=1` (the invitation message's link) opens the form.
 */
export default function ActivityPage() {
  const { id, feedback } = useRouter().params;
  const activityId = id ?? '';
  const { station } = useSession();
  const detail = useAsync(() => call('activity', 'get', { activityId }), [activityId]);
  // The button depends on the clock (booking opens, closes): look again every half minute.
  const now = useNow(30_000);

  // Kept on screen while it reloads (after a stale answer), so the panel keeps its message.
  if (!detail.data) {
    return (
      <PageShell>
        {detail.error ? <ErrorState error={detail.error} onRetry={detail.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const { activity, attendance } = detail.data;
  return (
    <PageShell className="activity-page">
      <ActivityFacts activity={activity} communityName={communityName(station, activity.communityId)} />
      {attendance && (
        <View className="activity-page__section">
          <AttendanceCard attendance={attendance} sessionsAttended={detail.data.sessionsAttended} />
        </View>
      )}
      {/* Only those with a sign-in can have a form to fill (the function decides which). */}
      {attendance && <SurveyPrompt activityId={activityId} autoOpen={feedback === '1'} />}
      <View className="activity-page__section">
        <BookingPanel detail={detail.data} now={now} onChange={detail.setData} onStale={detail.reload} />
      </View>
      {activity.description && (
        <View className="activity-page__section">
          <Text className="activity-page__heading">活动介绍</Text>
          <Text className="activity-page__description">{activity.description}</Text>
        </View>
      )}
    </PageShell>
  );
}
