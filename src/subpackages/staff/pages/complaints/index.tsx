import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ComplaintSummary } from '@linli/types/entities/complaint';
import ChoiceChips from '@/components/choice-chips';
import ComplaintCard from '@/components/complaint-card';
import ComplaintIndicators from '@/components/complaint-indicators';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';
import { askToSubscribe, canAskFor } from '@/services/subscriptions';
import './index.scss';

type Scope = 'mine' | 'station';
type State = 'open' | 'closed';

const STATES = [
  { value: 'open' as const, label: '待处理' },
  { value: 'closed' as const, label: '已结束' },
];
const SCOPES = [
  { value: 'mine' as const, label: '指派给我' },
  { value: 'station' as const, label: '全站' },
];

/** `3 条待答复 · 1 条已超时`, from the rows shown. */
export function inboxCounts(items: readonly ComplaintSummary[]): string {
  const owed = items.filter((i) => i.urgency === 'overdue' || i.urgency === 'due_soon' || i.urgency === 'waiting');
  const overdue = items.filter((i) => i.urgency === 'overdue').length;
  return `${owed.length} 条待答复${overdue > 0 ? ` · ${overdue} 条已超时` : ''}`;
}

/**
 * 意见反馈 (staff): the complaints to answer, the earliest due first — overdue ones on top, in
 * red. A social worker sees what is assigned to them; the 站长 may switch to the whole station.
 * The text and the sender are shown only in the detail (each opening is recorded).
 */
export default function ComplaintsPage() {
  return (
    <StaffGate need="staff">
      <Complaints />
    </StaffGate>
  );
}

function Complaints() {
  const session = useSession();
  const [scope, setScope] = useState<Scope>(session.isAdmin ? 'station' : 'mine');
  const [state, setState] = useState<State>('open');
  const list = useAsync(() => call('feedback', 'inbox', { scope, state }), [scope, state]);
  usePageRefresh(list.reload);
  const items = list.data?.items ?? [];

  return (
    <PageShell className="complaints-page">
      <PageHeader title="意见反馈" subtitle="居民的意见、建议和投诉，须在收到后2天内答复。" />
      {session.isAdmin && (
        <View className="complaints-page__filter">
          <ChoiceChips label="范围" options={SCOPES} value={scope} onChange={setScope} />
        </View>
      )}
      <View className="complaints-page__filter">
        <ChoiceChips label="状态" options={STATES} value={state} onChange={setState} />
      </View>
      {/* The overdue alert the `escalations` function sends: offered where WeChat can ask. */}
      {session.isAdmin && canAskFor('complaint_alerts') && (
        <Button fill="outline" block onClick={() => void askToSubscribe('complaint_alerts')}>
          接收超时提醒
        </Button>
      )}
      {!list.data && list.loading && <LoadingState />}
      {list.error && !list.data && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && (
        <EmptyState
          title={state === 'open' ? '没有待处理的反馈' : '没有已结束的反馈'}
          description="居民提交的意见、建议和投诉会自动指派，并出现在这里。"
        />
      )}
      {state === 'open' && items.length > 0 && <Text className="complaints-page__counts">{inboxCounts(items)}</Text>}
      {items.map((item) => (
        <ComplaintCard
          key={item.id}
          item={item}
          showHandler
          onOpen={() => openPage(ROUTES.staffComplaint, { id: item.id })}
        />
      ))}
      <ComplaintIndicators />
    </PageShell>
  );
}
