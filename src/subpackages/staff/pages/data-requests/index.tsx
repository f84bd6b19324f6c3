import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { PrivacyRequestForAdmin } from '@linli/types/entities/privacy';
import { ROLE_LABELS } from '@linli/types/entities/common';
import { PRIVACY_REQUEST_WORKING_DAYS } from '@linli/types/privacy';
import ChoiceChips from '@/components/choice-chips';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import PrivacyRequestCard from '@/components/privacy-request-card';
import ReasonDialog from '@/components/reason-dialog';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import './index.scss';

/** 工作台 → 个人信息请求: the 站长's queue of deletion requests (docs/privacy.md "Deletion requests"). */
export default function DataRequestsPage() {
  return (
    <StaffGate need="admin">
      <DataRequests />
    </StaffGate>
  );
}

type Filter = 'pending' | 'all';
type Decision = { requestId: string; decision: 'erase' | 'decline'; note?: string };

function DataRequests() {
  const [filter, setFilter] = useState<Filter>('pending');
  const [declining, setDeclining] = useState<PrivacyRequestForAdmin | null>(null);
  const list = useAsync(() => call('account', 'dataRequests', { status: filter }), [filter]);
  usePageRefresh(list.reload);
  const handle = useAction((input: Decision, requestId: string) =>
    call('account', 'handleDataRequest', input, { requestId }),
  );

  const decide = async (input: Decision, done: string) => {
    if (!(await handle.run(input))) return;
    setDeclining(null);
    list.reload();
    toastSuccess(done);
  };

  const erase = async (request: PrivacyRequestForAdmin) => {
    const { confirm } = await Taro.showModal({
      title: `删除${request.name ?? ''}的个人信息`,
      content:
        '将删除其资料、联系方式、照片和填写的内容，不能恢复；签到、志愿服务时长、意见处理等依规保留的记录会去除姓名和联系方式后保留，指标数字不变。',
      confirmText: '执行删除',
      cancelText: '取消',
    });
    if (confirm) await decide({ requestId: request.id, decision: 'erase' }, '已删除');
  };

  let body;
  if (list.loading && !list.data) body = <LoadingState />;
  else if (list.error) body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!list.data || list.data.items.length === 0)
    body = <EmptyState title={filter === 'pending' ? '没有待处理的申请' : '还没有申请'} />;
  else
    body = list.data.items.map((request) => (
      <PrivacyRequestCard
        key={request.id}
        request={request}
        who={
          <Text className="data-requests-page__who">
            {request.name
              ? `${request.name}${request.phoneMasked ? ` · ${request.phoneMasked}` : ''} · ${request.roles.map((r) => ROLE_LABELS[r]).join('、')}`
              : '（个人信息已删除）'}
          </Text>
        }
      >
        {request.status === 'pending' && (
          <View className="data-requests-page__actions">
            <Button
              type="danger"
              size="large"
              disabled={handle.pending}
              loading={handle.pending}
              onClick={() => void erase(request)}
            >
              执行删除
            </Button>
            <Button
              type="default"
              size="large"
              disabled={handle.pending}
              onClick={() => {
                handle.reset();
                setDeclining(request);
              }}
            >
              不予删除
            </Button>
          </View>
        )}
      </PrivacyRequestCard>
    ));

  return (
    <PageShell className="data-requests-page">
      <PageHeader
        title="个人信息请求"
        subtitle={`居民申请删除个人信息，须在${PRIVACY_REQUEST_WORKING_DAYS}个工作日内处理：执行删除，或说明不予删除的原因。`}
      />
      <ChoiceChips<Filter>
        label="显示"
        options={[
          { value: 'pending', label: '待处理' },
          { value: 'all', label: '全部' },
        ]}
        value={filter}
        onChange={setFilter}
      />
      {handle.error && !declining && <ErrorBanner message={handle.error.message} />}
      <View className="data-requests-page__list">{body}</View>
      {declining && (
        <ReasonDialog
          title="不予删除"
          description="请说明原因，申请人会在「隐私与数据」中看到。"
          placeholder="例如：您有尚未结束的志愿服务，请先联系社工"
          confirmText="确定"
          pending={handle.pending}
          error={handle.fieldErrors.note ?? handle.error?.message}
          emptyMessage="请说明不予删除的原因"
          onConfirm={(note) => void decide({ requestId: declining.id, decision: 'decline', note }, '已答复')}
          onClose={() => setDeclining(null)}
        />
      )}
    </PageShell>
  );
}
