import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ShiftVolunteer } from '@linli/types/entities/volunteer';
import { HOUR_FLAG_LABELS, HOUR_STATUS_LABELS } from '@linli/types/entities/hours';
import { FLAG_EXPLANATIONS, STATUS_TONES } from '@/components/hour-entry-card';
import HourHistory from '@/components/hour-history';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import StatusBadge from '@/components/status-badge';
import { ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { call } from '@/services/api';
import { formatClock, formatWhen } from '@/services/activity-time';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/** `签到 14:02 · 签退 16:00`, `签到 14:02 · 未签退`, or 未签到. */
export function scanTimes(volunteer: Pick<ShiftVolunteer, 'signedInAt' | 'signedOutAt'>): string {
  if (!volunteer.signedInAt) return '未签到';
  return `签到 ${formatClock(volunteer.signedInAt)} · ${
    volunteer.signedOutAt ? `签退 ${formatClock(volunteer.signedOutAt)}` : '未签退'
  }`;
}

/**
 * 志愿者岗位 (`?id=<activityId>`): an activity's volunteer roles with places taken, and every
 * volunteer at the shift — signed up or come anyway — with their scans and the hour entry those
 * made (hours, review state, or the flag that needs a correction).
 */
export default function ShiftRosterPage() {
  return (
    <StaffGate need="staff">
      <ShiftRoster />
    </StaffGate>
  );
}

function ShiftRoster() {
  const activityId = useRouter().params.id ?? '';
  const detail = useAsync(() => call('activity', 'get', { activityId }), [activityId]);
  const roster = useAsync(() => call('volunteer', 'shiftRoster', { activityId }), [activityId]);
  usePageRefresh(roster.reload);
  const [open, setOpen] = useState<string | null>(null);

  if (!roster.data) {
    return (
      <PageShell>
        {roster.error ? <ErrorState error={roster.error} onRetry={roster.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const { roles, volunteers } = roster.data;
  const activity = detail.data?.activity;
  const signedIn = volunteers.filter((v) => v.signedInAt).length;
  const signedOut = volunteers.filter((v) => v.signedOutAt).length;
  const needReview = volunteers.filter((v) => v.entryStatus === 'pending').length;
  return (
    <PageShell className="shift-roster-page">
      <PageHeader title="志愿者岗位" subtitle={activity ? `${activity.title} · ${formatWhen(activity)}` : undefined} />
      <View className="shift-roster-page__roles">
        {roles.length === 0 && <Text className="shift-roster-page__muted">这场活动没有设置志愿者岗位</Text>}
        {roles.map((role) => (
          <View
            key={role.role}
            className={`shift-roster-page__role${role.taken >= role.count ? ' shift-roster-page__role--full' : ''}`}
            data-testid="shift-role"
          >
            <Text className="shift-roster-page__role-name">{role.role}</Text>
            <Text className="shift-roster-page__role-count">
              {role.taken}/{role.count}
            </Text>
          </View>
        ))}
      </View>
      <Text className="shift-roster-page__summary">
        共 {volunteers.length} 位志愿者 · 已签到 {signedIn} · 已签退 {signedOut}
        {needReview > 0 ? ` · ${needReview} 条时长待审核` : ''}
      </Text>
      <View className="shift-roster-page__tools">
        {activity && activity.status !== 'cancelled' && (
          <Button
            type="primary"
            fill="outline"
            block
            onClick={() => openPage(ROUTES.signIn, { id: activityId, mode: 'volunteer_in' })}
          >
            出示志愿者签到码
          </Button>
        )}
        <Button type="primary" fill="outline" block onClick={() => openPage(ROUTES.hoursInbox, { activityId })}>
          审核本场时长
        </Button>
      </View>

      {volunteers.length === 0 && <Text className="shift-roster-page__muted">还没有志愿者报名或签到</Text>}
      {volunteers.map((volunteer) => (
        <View key={volunteer.volunteerId} className="shift-roster-page__row" data-testid="shift-volunteer">
          <View className="shift-roster-page__head">
            <Text className="shift-roster-page__name">{volunteer.realName}</Text>
            <Text className="shift-roster-page__role-label">{volunteer.role ?? '未报名岗位'}</Text>
          </View>
          <Text className="shift-roster-page__times">{scanTimes(volunteer)}</Text>
          {volunteer.entryStatus && (
            <View className="shift-roster-page__entry">
              <Text className="shift-roster-page__hours">
                {volunteer.flag ? `需核实：${HOUR_FLAG_LABELS[volunteer.flag]}` : `${volunteer.hours ?? '0.00'} 小时`}
              </Text>
              <StatusBadge
                text={HOUR_STATUS_LABELS[volunteer.entryStatus]}
                tone={STATUS_TONES[volunteer.entryStatus]}
              />
            </View>
          )}
          {volunteer.flag && <Text className="shift-roster-page__flag">{FLAG_EXPLANATIONS[volunteer.flag]}</Text>}
          {volunteer.entryId && (
            <View
              className="shift-roster-page__toggle"
              role="button"
              onClick={() => setOpen(open === volunteer.entryId ? null : volunteer.entryId)}
            >
              {open === volunteer.entryId ? '收起记录' : '查看记录'}
            </View>
          )}
          {volunteer.entryId && open === volunteer.entryId && <HourHistory entryId={volunteer.entryId} />}
        </View>
      ))}
    </PageShell>
  );
}
