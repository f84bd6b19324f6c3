import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { WishDetail } from '@linli/types/entities/wish';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { wishFacts } from '@/components/wish-detail-card';
import WishRow from '@/components/wish-row';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { formatDay } from '@/services/activity-time';
import { call } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/** What a wish asks of its beneficiary now, if anything. */
export function wishPrompt(wish: Pick<WishDetail, 'status' | 'can'>): string | undefined {
  if (wish.can.includes('confirm')) return '心愿已交付，收到后请点开确认';
  if (wish.status === 'changes_requested') return '社工请您修改，点开查看';
  return undefined;
}

/**
 * 我的心愿: the wishes made for me — by me, or written down by a social worker for me — with
 * where each stands; 提交心愿 for a new one. Read again when I come back from one.
 */
export default function MyWishesPage() {
  const list = useAsync(() => call('wishes', 'mine', {}), []);
  usePageRefresh(list.reload);
  const items = list.data?.items ?? [];

  return (
    <PageShell className="my-wishes-page">
      <PageHeader title="我的心愿" subtitle="说出一个小心愿，社工审核后发布到心愿墙，由爱心人士帮您实现。" />
      <Button type="primary" size="large" block onClick={() => openPage(ROUTES.wishSubmit)}>
        提交心愿
      </Button>
      {!list.data && list.loading && <LoadingState />}
      {list.error && !list.data && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && (
        <EmptyState title="还没有心愿" description="生活中缺一件小东西、需要一点帮助，都可以说出来。" />
      )}
      {items.map((wish) => (
        <WishRow
          key={wish.id}
          title={wish.what}
          status={wish.status}
          meta={`${wishFacts(wish)} · ${formatDay(wish.submittedAt)}`}
          prompt={wishPrompt(wish)}
          onClick={() => openPage(ROUTES.wishDetail, { id: wish.id })}
        />
      ))}
    </PageShell>
  );
}
