import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { SignInResult } from '@linli/types/actions/checkin';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { signInSummary } from '@/components/signin-result';
import StaffScan from '@/components/staff-scan';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { useKeepScreenOn } from '@/hooks/use-keep-screen-on';
import { call } from '@/services/api';
import { formatMoment } from '@/services/activity-time';
import './index.scss';

/**
 * 协助扫码: a volunteer the social worker made door helper for one activity scans residents'
 * personal codes (我的签到码, or a printed card) to sign them in. Not behind the staff gate — the
 * function decides who may scan. The helper sees each outcome with the name masked as the
 * function answers it, and nothing of the roster.
 */
export default function DoorPage() {
  const activityId = useRouter().params.id ?? '';
  // The helper's own grants: whether this one is still active, and the activity's title.
  const grants = useAsync(() => call('checkin', 'myHelperActivities', {}), []);
  const [last, setLast] = useState<SignInResult | null>(null);
  const [scanned, setScanned] = useState(0);
  useKeepScreenOn();

  if (!grants.data) {
    return (
      <PageShell>
        {grants.error ? <ErrorState error={grants.error} onRetry={grants.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const activity = grants.data.items.find((item) => item.activityId === activityId);
  if (!activity) {
    return (
      <PageShell>
        <EmptyState
          title="没有这场活动的协助扫码权限"
          description="社工授权后才能在这里扫码；活动结束或授权取消后，这里就不再显示。"
        />
      </PageShell>
    );
  }

  const signedIn = (result: SignInResult) => {
    setLast(result);
    if (result.outcome === 'signed_in') setScanned((n) => n + 1);
  };
  return (
    <PageShell className="door-page">
      <PageHeader title="协助扫码" subtitle={`${activity.title} · ${formatMoment(activity.startAt)}`} />
      <Text className="door-page__hint">
        请居民出示「我的签到码」或签到卡，扫码为其签到。为保护居民隐私，这里只显示打码后的姓名。
      </Text>
      {last && (
        <View className="door-page__result" role="status">
          {signInSummary(last)}
        </View>
      )}
      <StaffScan activityId={activityId} onSignedIn={signedIn} />
      {scanned > 0 && <Text className="door-page__count">本次已帮 {scanned} 位居民签到</Text>}
    </PageShell>
  );
}
