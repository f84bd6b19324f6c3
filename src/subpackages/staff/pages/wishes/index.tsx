import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { WISH_INBOX_VIEW_LABELS, WISH_INBOX_VIEWS, type WishInboxView } from '@linli/types/actions/wishes';
import type { WishSummary } from '@linli/types/entities/wish';
import ChoiceChips from '@/components/choice-chips';
import LoadMore from '@/components/load-more';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { wishFacts } from '@/components/wish-detail-card';
import WishRow from '@/components/wish-row';
import { useAsync } from '@/hooks/use-async';
import { usePagedList } from '@/hooks/use-paged-list';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { call } from '@/services/api';
import { inStation } from '@/services/dayjs';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/** This month so far, in station days: what 本月点亮 counts. */
export function thisMonth(now: Date = new Date()): { fromDate: string; toDate: string } {
  const today = inStation(now);
  return { fromDate: today.startOf('month').format('YYYY-MM-DD'), toDate: today.format('YYYY-MM-DD') };
}

/** `张阿姨 · 光复社区 · 生活用品 · 约200元 · 代提交`. */
export const summaryMeta = (wish: WishSummary): string =>
  [
    wish.beneficiaryName,
    wish.communityName,
    wishFacts(wish),
    wish.onBehalf ? '代提交' : null,
    wish.claimerName ? `认领：${wish.claimerName}` : null,
  ]
    .filter(Boolean)
    .join(' · ');

/**
 * 微心愿 for staff: this month's 点亮 count, the inbox by tab (待审核 first — wishes the content
 * check held are there too), and 代居民提交 for a resident who cannot do it themself.
 */
export default function StaffWishesPage() {
  return (
    <StaffGate need="staff">
      <StaffWishes />
    </StaffGate>
  );
}

function StaffWishes() {
  const [view, setView] = useState<WishInboxView>('review');
  const summary = useAsync(() => call('wishes', 'summary', thisMonth()), []);
  const list = usePagedList((cursor) => call('wishes', 'inbox', { view, cursor }), [view]);
  usePageRefresh(() => {
    summary.reload();
    list.reload();
  });
  const counts = summary.data?.counts;
  const tabs = WISH_INBOX_VIEWS.map((value) => ({
    value,
    label: counts ? `${WISH_INBOX_VIEW_LABELS[value]} ${counts[value]}` : WISH_INBOX_VIEW_LABELS[value],
  }));

  return (
    <PageShell className="staff-wishes-page">
      <PageHeader title="微心愿" subtitle="审核居民的心愿，用不含个人信息的文字发布到心愿墙。" />
      {summary.data && (
        <View className="staff-wishes-page__summary" data-testid="wish-summary">
          <Text className="staff-wishes-page__lit">本月点亮 {summary.data.fulfilled.total} 个心愿</Text>
          <Text className="staff-wishes-page__areas">
            {summary.data.fulfilled.byArea.map((area) => `${area.areaName} ${area.count}`).join(' · ')}
          </Text>
        </View>
      )}
      <Button type="primary" fill="outline" block onClick={() => openPage(ROUTES.staffWishSubmit)}>
        代居民提交心愿
      </Button>
      <View className="staff-wishes-page__tabs">
        <ChoiceChips label="心愿列表" options={tabs} value={view} onChange={setView} />
      </View>
      {list.loading && <LoadingState />}
      {list.error && list.items.length === 0 && !list.loading && (
        <ErrorState error={list.error} onRetry={list.reload} />
      )}
      {!list.loading && !list.error && list.items.length === 0 && <EmptyState title="这里没有心愿" />}
      {list.items.map((wish) => (
        <WishRow
          key={wish.id}
          title={wish.what}
          status={wish.status}
          meta={summaryMeta(wish)}
          onClick={() => openPage(ROUTES.staffWish, { id: wish.id })}
        />
      ))}
      {list.items.length > 0 && <LoadMore list={list} />}
    </PageShell>
  );
}
