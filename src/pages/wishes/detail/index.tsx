import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import PageShell from '@/components/page-shell';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import WishDetailCard from '@/components/wish-detail-card';
import WishHistory from '@/components/wish-history';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/**
 * One of my wishes: everything about it and every step so far; the buttons are what the function
 * says I may do now (`can`): 确认收到 once it is delivered, 修改 when the social worker asks for
 * changes, 撤回 before anyone claims it.
 */
export default function WishDetailPage() {
  const wishId = useRouter().params.id ?? '';
  const wish = useAsync(() => call('wishes', 'get', { wishId }), [wishId]);
  usePageRefresh(wish.reload);
  const confirm = useAction((requestId: string) => call('wishes', 'confirm', { wishId }, { requestId }));
  const withdraw = useAction((requestId: string) => call('wishes', 'withdraw', { wishId }, { requestId }));

  if (!wish.data) {
    return (
      <PageShell>{wish.error ? <ErrorState error={wish.error} onRetry={wish.reload} /> : <LoadingState />}</PageShell>
    );
  }
  const { can } = wish.data;

  const confirmReceipt = async () => {
    const answer = await confirm.run();
    if (!answer) return;
    wish.setData(answer);
    toastSuccess('心愿已点亮');
  };
  const withdrawWish = async () => {
    const { confirm: sure } = await Taro.showModal({ title: '撤回这个心愿？', content: '撤回后心愿墙上不再显示。' });
    if (!sure) return;
    const answer = await withdraw.run();
    if (answer) wish.setData(answer);
  };

  const error = confirm.error ?? withdraw.error;
  return (
    <PageShell className="wish-detail-page">
      <WishDetailCard wish={wish.data} />
      {error && <ErrorBanner message={error.message} />}
      <View className="wish-detail-page__actions">
        {can.includes('confirm') && (
          <Button
            type="primary"
            size="large"
            block
            loading={confirm.pending}
            disabled={confirm.pending}
            onClick={() => void confirmReceipt()}
          >
            确认收到
          </Button>
        )}
        {can.includes('revise') && (
          <Button type="primary" size="large" block onClick={() => openPage(ROUTES.wishSubmit, { id: wishId })}>
            修改心愿
          </Button>
        )}
        {can.includes('withdraw') && (
          <Button block loading={withdraw.pending} disabled={withdraw.pending} onClick={() => void withdrawWish()}>
            撤回心愿
          </Button>
        )}
      </View>
      <WishHistory history={wish.data.history} />
    </PageShell>
  );
}
