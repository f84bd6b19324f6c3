import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import ActivityForm from '@/components/activity-form';
import type { ActivityDraftInput } from '@/components/activity-form/form-state';
import NoticeCard from '@/components/notice-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import ReasonDialog from '@/components/reason-dialog';
import StaffGate from '@/components/staff-gate';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, goBack } from '@/services/routes';
import './index.scss';

/**
 * The activity and, when it is invitation-only, its invitation list: the form shows the list and
 * sends it back whole, so it must be there before the form opens.
 */
async function loadForEditing(activityId: string) {
  const detail = await call('activity', 'get', { activityId });
  const invitees =
    detail.activity.audience === 'invited' ? (await call('activity', 'invitees', { activityId })).items : [];
  return { detail, invitees };
}

/** 发布活动 (no `id`) or 修改活动 (`?id=`), and 取消活动 with a reason. */
export default function ActivityEditPage() {
  return (
    <StaffGate need="staff">
      <ActivityEdit />
    </StaffGate>
  );
}

function ActivityEdit() {
  const activityId = useRouter().params.id;
  const { station } = useSession();
  const existing = useAsync(() => (activityId ? loadForEditing(activityId) : Promise.resolve(null)), [activityId]);
  const publish = useAction((draft: ActivityDraftInput, requestId: string) =>
    call('activity', 'publish', draft, { requestId }),
  );
  const update = useAction((id: string, draft: ActivityDraftInput, requestId: string) =>
    call('activity', 'update', { activityId: id, draft }, { requestId }),
  );
  const cancel = useAction((id: string, reason: string, requestId: string) =>
    call('activity', 'cancel', { activityId: id, reason }, { requestId }),
  );
  const [cancelling, setCancelling] = useState(false);

  const submit = async (draft: ActivityDraftInput) => {
    const saved = activityId ? await update.run(activityId, draft) : await publish.run(draft);
    if (!saved) return;
    toastSuccess(activityId ? '已保存' : '已发布');
    goBack(ROUTES.manageActivities);
  };

  const confirmCancel = async (reason: string) => {
    if (!activityId) return;
    const cancelled = await cancel.run(activityId, reason);
    if (!cancelled) return;
    setCancelling(false);
    toastSuccess('活动已取消');
    goBack(ROUTES.manageActivities);
  };

  if (existing.loading) return <LoadingState />;
  if (existing.error) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (!station) return <ErrorState error={{ message: '请先加入社工站' }} />;

  const activity = existing.data?.detail.activity;
  const save = activityId ? update : publish;
  const hasFieldErrors = Object.keys(save.fieldErrors).length > 0;
  if (activity?.status === 'cancelled') {
    return (
      <PageShell>
        <NoticeCard title="活动已取消" description={activity.cancelReason ?? '已取消的活动不能修改。'} />
      </PageShell>
    );
  }
  return (
    <PageShell className="activity-edit-page">
      <PageHeader
        title={activity ? '修改活动' : '发布活动'}
        subtitle={activity ? '改了时间，已报名的居民会收到通知。' : '发布后，本站居民就能在「活动」里报名。'}
      />
      {save.error && !hasFieldErrors && <ErrorBanner message={save.error.message} />}
      <ActivityForm
        key={activity?.id ?? 'new'}
        station={station}
        initial={activity}
        initialInvitees={existing.data?.invitees}
        submitText={activity ? '保存修改' : '发布活动'}
        submitting={save.pending}
        serverErrors={save.fieldErrors}
        onSubmit={(draft) => void submit(draft)}
      />
      {activity && (
        <View className="activity-edit-page__danger">
          <Button type="danger" fill="outline" size="large" block onClick={() => setCancelling(true)}>
            取消活动
          </Button>
        </View>
      )}
      {cancelling && (
        <ReasonDialog
          title="取消活动"
          description="已报名和候补的居民都会收到取消通知。取消后不能恢复。"
          placeholder="取消原因，例如：天气原因改期"
          confirmText="确定取消活动"
          emptyMessage="请填写取消原因"
          pending={cancel.pending}
          error={cancel.fieldErrors.reason ?? cancel.error?.message}
          onConfirm={(reason) => void confirmCancel(reason)}
          onClose={() => setCancelling(false)}
        />
      )}
    </PageShell>
  );
}
