import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Shift } from '@linli/types/entities/volunteer';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import StatusBadge from '@/components/status-badge';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { formatTimeRange } from '@/services/activity-time';
import type { ApiError } from '@/services/api';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import './index.scss';

/** A full role is nobody's fault: say so warmly and point to the others. */
export function signUpProblem(error: Pick<ApiError, 'code' | 'message'>, role: string): string {
  if (error.code === 'SHIFT_FULL') return `「${role}」的名额刚刚报满了，谢谢您的热心！可以看看其他岗位。`;
  return error.message;
}

/**
 * 服务岗位: the station's coming activities that need volunteers, each role with 已报/需要, and
 * 报名 / 取消报名 (one role per activity). A sign-up carries a requestId, so a retry after a lost
 * answer is the same sign-up; places are counted by the function, so a full role answers SHIFT_FULL.
 */
export default function ShiftsPage() {
  const shifts = useAsync(() => call('volunteer', 'shifts', {}), []);
  usePageRefresh(shifts.reload);
  /** The card last tapped: a refusal is shown there. */
  const [tapped, setTapped] = useState<{ activityId: string; role: string } | null>(null);
  const signUp = useAction((activityId: string, role: string, requestId: string) =>
    call('volunteer', 'signUp', { activityId, role }, { requestId }),
  );
  const cancel = useAction((activityId: string, requestId: string) =>
    call('volunteer', 'cancelSignUp', { activityId }, { requestId }),
  );
  // A full role means the counts on screen are old: read them again (the message stays).
  useEffect(() => {
    if (signUp.error?.code === 'SHIFT_FULL') shifts.reload();
    // Once per answer: `shifts.reload` is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signUp.error]);

  if (!shifts.data) {
    return (
      <PageShell>
        {shifts.error ? <ErrorState error={shifts.error} onRetry={shifts.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const items = shifts.data.items;
  const replace = (shift: Shift) =>
    shifts.setData({ items: items.map((old) => (old.activityId === shift.activityId ? shift : old)) });

  const start = (shift: Shift, role: string) => {
    signUp.reset();
    cancel.reset();
    setTapped({ activityId: shift.activityId, role });
  };

  const take = async (shift: Shift, role: string) => {
    start(shift, role);
    const answer = await signUp.run(shift.activityId, role);
    if (answer) {
      replace(answer);
      toastSuccess('报名成功');
    }
  };

  const giveUp = async (shift: Shift) => {
    start(shift, shift.myRole ?? '');
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: `确定不参加「${shift.title}」的${shift.myRole ?? ''}岗位了吗？名额会留给其他志愿者。`,
      confirmText: '确定取消',
      cancelText: '再想想',
    });
    if (!confirm) return;
    const answer = await cancel.run(shift.activityId);
    if (answer) {
      replace(answer);
      toastSuccess('已取消报名');
    }
  };

  // The refusal belongs to the card that was tapped.
  const failed = signUp.error ?? cancel.error;
  const problem = failed && tapped ? { activityId: tapped.activityId, text: signUpProblem(failed, tapped.role) } : null;
  const busy = signUp.pending || cancel.pending;

  return (
    <PageShell className="shifts-page">
      <PageHeader title="服务岗位" subtitle="活动开始前可以报名或取消；每场活动报一个岗位。" />
      {items.length === 0 && (
        <EmptyState title="暂时没有需要志愿者的活动" description="社工发布需要志愿者的活动后，会显示在这里。" />
      )}
      {items.map((shift) => (
        <View key={shift.activityId} className="shifts-page__card" data-testid="shift-card">
          <Text className="shifts-page__title">{shift.title}</Text>
          <Text className="shifts-page__meta">{formatTimeRange(shift.startAt, shift.endAt)}</Text>
          <Text className="shifts-page__meta">{shift.place}</Text>
          {shift.myRole && (
            <View className="shifts-page__mine">
              <StatusBadge text={`已报名：${shift.myRole}`} tone="accent" />
            </View>
          )}
          {shift.roles.map((role) => {
            const full = role.taken >= role.count;
            return (
              <View key={role.role} className="shifts-page__role" data-testid="shift-role">
                <View className="shifts-page__role-words">
                  <Text className="shifts-page__role-name">{role.role}</Text>
                  <Text className={`shifts-page__count${full ? ' shifts-page__count--full' : ''}`}>
                    已报 {role.taken} / 需要 {role.count}
                  </Text>
                </View>
                {shift.myRole === role.role ? (
                  <Button type="danger" fill="outline" disabled={busy} onClick={() => void giveUp(shift)}>
                    取消报名
                  </Button>
                ) : shift.myRole ? null : full ? (
                  <StatusBadge text="已满" tone="muted" />
                ) : (
                  <Button type="primary" disabled={busy} onClick={() => void take(shift, role.role)}>
                    报名
                  </Button>
                )}
              </View>
            );
          })}
          {problem?.activityId === shift.activityId && (
            <View className="shifts-page__problem" role="alert">
              {problem.text}
            </View>
          )}
        </View>
      ))}
    </PageShell>
  );
}
