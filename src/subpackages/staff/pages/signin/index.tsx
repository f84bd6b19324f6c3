import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import DoorHelpers from '@/components/door-helpers';
import PageShell from '@/components/page-shell';
import { RosterCounts } from '@/components/roster-list';
import RotatingQr, { signInModeOf, type SignInMode } from '@/components/rotating-qr';
import StaffGate from '@/components/staff-gate';
import { ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { usePolling } from '@/hooks/use-interval';
import { useKeepScreenOn } from '@/hooks/use-keep-screen-on';
import { call } from '@/services/api';
import { formatTimeRange } from '@/services/activity-time';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/** How often the live counts are read while the screen is shown. */
export const COUNTS_EVERY_MS = 5000;

/**
 * 现场签到: the rotating code to show at the door — residents' sign-in or sign-out, or the
 * volunteers' for their shift — how many have signed in so far, and the volunteers who may help
 * at the door by scanning residents' personal codes.
 */
export default function SignInScreenPage() {
  return (
    <StaffGate need="staff">
      <SignInScreen />
    </StaffGate>
  );
}

function SignInScreen() {
  const params = useRouter().params;
  const activityId = params.id ?? '';
  // `?mode=volunteer_in` opens on the volunteer code (from 志愿者岗位).
  const [mode, setMode] = useState<SignInMode>(() => signInModeOf(params.mode));
  const detail = useAsync(() => call('activity', 'get', { activityId }), [activityId]);
  const roster = useAsync(() => call('checkin', 'roster', { activityId }), [activityId]);
  usePolling(roster.reload, COUNTS_EVERY_MS);
  useKeepScreenOn();

  if (!detail.data) {
    return (
      <PageShell>
        {detail.error ? <ErrorState error={detail.error} onRetry={detail.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const { activity } = detail.data;
  return (
    <PageShell className="signin-screen">
      <Text className="signin-screen__title">{activity.title}</Text>
      <Text className="signin-screen__time">{formatTimeRange(activity.startAt, activity.endAt)}</Text>
      <RotatingQr activityId={activityId} mode={mode} onModeChange={setMode} />
      <View className="signin-screen__counts">
        {roster.data && <RosterCounts counts={roster.data.counts} />}
        {!roster.data && roster.error && <Text className="signin-screen__error">{roster.error.message}</Text>}
      </View>
      <Button
        type="primary"
        fill="outline"
        size="large"
        block
        onClick={() => openPage(ROUTES.roster, { id: activityId })}
      >
        查看名单 · 代签 · 扫居民码
      </Button>
      <View className="signin-screen__helpers">
        <Text className="signin-screen__heading">协助扫码的志愿者</Text>
        <DoorHelpers activityId={activityId} />
      </View>
    </PageShell>
  );
}
