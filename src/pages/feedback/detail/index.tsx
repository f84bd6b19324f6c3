import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import ComplaintDetail from '@/components/complaint-detail';
import ComplaintHistory from '@/components/complaint-history';
import PageShell from '@/components/page-shell';
import ReasonDialog from '@/components/reason-dialog';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { formatMoment } from '@/services/activity-time';
import { call } from '@/services/api';
import { senderPromise } from '@/services/complaints';
import { toastSuccess } from '@/services/feedback';
import './index.scss';

/**
 * 反馈详情 (`?id=`), the sender's view: who handles it and by when, the reply, every step so
 * far; once replied, 问题已解决 ends it, and 仍不满意 reopens it (within 7 days of the reply).
 */
export default function FeedbackDetailPage() {
  const id = useRouter().params.id ?? '';
  const complaint = useAsync(() => call('feedback', 'get', { complaintId: id }), [id]);
  usePageRefresh(complaint.reload);
  const [reopening, setReopening] = useState(false);
  const close = useAction((requestId: string) =>
    call('feedback', 'close', { complaintId: id, note: '问题已解决' }, { requestId }),
  );
  const reopen = useAction((reason: string, requestId: string) =>
    call('feedback', 'reopen', { complaintId: id, reason }, { requestId }),
  );

  if (!complaint.data) {
    if (complaint.error) return <ErrorState error={complaint.error} onRetry={complaint.reload} />;
    return <LoadingState />;
  }
  const view = complaint.data;
  const promise = senderPromise(view);

  const closeIt = async () => {
    const next = await close.run();
    if (!next) return;
    complaint.setData(next);
    toastSuccess('已结束');
  };
  const reopenIt = async (reason: string) => {
    const next = await reopen.run(reason);
    if (!next) return;
    complaint.setData(next);
    setReopening(false);
    toastSuccess('已重新提交');
  };

  return (
    <PageShell className="feedback-detail-page">
      <ComplaintDetail complaint={view} audience="sender" />
      {promise && <Text className="feedback-detail-page__promise">{promise}</Text>}
      {close.error && <ErrorBanner message={close.error.message} />}
      {(view.can.close || view.can.reopen) && (
        <View className="feedback-detail-page__actions">
          {view.can.close && (
            <Button
              type="primary"
              block
              loading={close.pending}
              disabled={close.pending}
              onClick={() => void closeIt()}
            >
              问题已解决
            </Button>
          )}
          {view.can.reopen && (
            <Button fill="outline" block onClick={() => setReopening(true)}>
              仍不满意，重新打开
            </Button>
          )}
          {view.reopenUntil && (
            <Text className="feedback-detail-page__hint">{formatMoment(view.reopenUntil)} 前可以重新打开</Text>
          )}
        </View>
      )}
      <ComplaintHistory events={view.history} />
      {reopening && (
        <ReasonDialog
          title="重新打开这条反馈"
          description="请说明还有什么问题，处理人会在2天内再次答复。"
          placeholder="例如：空调还是太冷"
          confirmText="重新打开"
          emptyMessage="请说明还有什么问题"
          pending={reopen.pending}
          error={reopen.fieldErrors.reason ?? reopen.error?.message}
          onConfirm={(reason) => void reopenIt(reason)}
          onClose={() => {
            setReopening(false);
            reopen.reset();
          }}
        />
      )}
    </PageShell>
  );
}
