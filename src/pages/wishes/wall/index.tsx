import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import ChoiceChips from '@/components/choice-chips';
import LoadMore from '@/components/load-more';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import PublicWishCard from '@/components/public-wish-card';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { usePagedList } from '@/hooks/use-paged-list';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { call } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

type WallView = 'open' | 'mine';
const VIEWS = [
  { value: 'open' as const, label: '待认领' },
  { value: 'mine' as const, label: '我认领的' },
];

/**
 * 心愿墙: the station's wishes waiting for someone — a volunteer, a neighbour, a shop — and the
 * ones I claimed. Only the public text is shown: social workers wrote it without the name,
 * address or circumstances of the person it is for.
 */
export default function WishWallPage() {
  const [view, setView] = useState<WallView>('open');
  const list = usePagedList((cursor) => call('wishes', 'wall', { view, cursor }), [view]);
  usePageRefresh(list.reload);

  return (
    <PageShell className="wish-wall-page">
      <PageHeader title="心愿墙" subtitle="认领一个邻居的小心愿，由社工联系安排交付。" />
      <View className="wish-wall-page__tabs">
        <ChoiceChips label="心愿墙" options={VIEWS} value={view} onChange={setView} />
      </View>
      {list.loading && <LoadingState />}
      {list.error && list.items.length === 0 && !list.loading && (
        <ErrorState error={list.error} onRetry={list.reload} />
      )}
      {!list.loading && !list.error && list.items.length === 0 && (
        <EmptyState
          title={view === 'open' ? '暂时没有待认领的心愿' : '您还没有认领心愿'}
          description={view === 'open' ? '社工发布新的心愿后会出现在这里。' : '在「待认领」里挑一个，帮邻居实现吧。'}
        />
      )}
      {list.items.map((wish) => (
        <PublicWishCard key={wish.id} wish={wish} onClick={() => openPage(ROUTES.wishItem, { id: wish.id })} />
      ))}
      {list.items.length > 0 && <LoadMore list={list} />}
      <Text className="wish-wall-page__note">心愿墙不显示受助人的姓名、住址和困难情况。</Text>
    </PageShell>
  );
}
