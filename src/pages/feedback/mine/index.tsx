import { View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import ComplaintCard from '@/components/complaint-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { call } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/** 我的反馈: what I sent, newest first, with its status and whether it was answered. */
export default function MyFeedbackPage() {
  const list = useAsync(() => call('feedback', 'mine', {}), []);
  usePageRefresh(list.reload);
  const items = list.data?.items ?? [];
  return (
    <PageShell className="my-feedback-page">
      <PageHeader title="我的反馈" subtitle="每条反馈都有专人处理，2天内答复。" />
      <View className="my-feedback-page__new">
        <Button type="primary" size="large" block onClick={() => openPage(ROUTES.feedbackSend)}>
          我要反馈
        </Button>
      </View>
      {!list.data && list.loading && <LoadingState />}
      {list.error && !list.data && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && (
        <EmptyState title="还没有提交过反馈" description="对活动或服务有任何意见、建议或投诉，都可以告诉我们。" />
      )}
      {items.map((item) => (
        <ComplaintCard key={item.id} item={item} onOpen={() => openPage(ROUTES.feedbackDetail, { id: item.id })} />
      ))}
    </PageShell>
  );
}
