import { useRouter } from '@tarojs/taro';
import ComplaintForm from '@/components/complaint-form';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { ErrorState, LoadingState, sessionFallback } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, replacePage } from '@/services/routes';

/**
 * 意见反馈 (`?activityId=` to start with that activity chosen): send an opinion, suggestion or
 * complaint; once sent, the person lands on it in 我的反馈's detail, with who handles it and by
 * when they will hear back. Photos are not offered yet (see docs/feedback.md).
 */
export default function SendFeedbackPage() {
  const session = useSession();
  const params = useRouter().params;
  const options = useAsync(() => call('feedback', 'options', {}), []);
  const fallback = sessionFallback(session);
  if (fallback) return fallback;

  return (
    <PageShell className="send-feedback-page">
      <PageHeader title="意见反馈" subtitle="对活动、服务或工作人员有意见、建议或投诉，请告诉我们。" />
      {!options.data && options.loading && <LoadingState />}
      {options.error && !options.data && <ErrorState error={options.error} onRetry={options.reload} />}
      {options.data && (
        <ComplaintForm
          options={options.data}
          initialActivityId={params.activityId}
          onSent={(complaint) => {
            toastSuccess('已提交');
            replacePage(ROUTES.feedbackDetail, { id: complaint.id });
          }}
        />
      )}
    </PageShell>
  );
}
