import { useRouter } from '@tarojs/taro';
import NoticeCard from '@/components/notice-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { ErrorState, LoadingState } from '@/components/state-views';
import WishForm, { type WishFormValues } from '@/components/wish-form';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { askToSubscribe } from '@/services/subscriptions';
import { ROUTES, replacePage } from '@/services/routes';

/**
 * 提交心愿, or with `?id=` 修改心愿 after the social worker asked for changes. Sent once per intent
 * (a retry reuses its requestId), then the wish's own page shows where it stands. On WeChat the tap
 * first asks to send the messages the wish's next steps bring (the review's outcome, claimed, delivered).
 */
export default function WishSubmitPage() {
  const wishId = useRouter().params.id;
  const session = useSession();
  const existing = useAsync(() => (wishId ? call('wishes', 'get', { wishId }) : Promise.resolve(undefined)), [wishId]);
  const save = useAction((values: WishFormValues, requestId: string) =>
    wishId
      ? call('wishes', 'revise', { wishId, ...values }, { requestId })
      : call('wishes', 'submit', values, { requestId }),
  );

  if (wishId && !existing.data) {
    return (
      <PageShell>
        {existing.error ? <ErrorState error={existing.error} onRetry={existing.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  if (!session.loading && !session.registered) {
    return (
      <PageShell>
        <NoticeCard title="请先完善资料" description="社工需要知道您是谁、住在哪个社区，才能帮您实现心愿。" />
      </PageShell>
    );
  }

  const submit = async (values: WishFormValues) => {
    // Inside the tap, before anything is awaited: WeChat shows the prompt only then.
    void askToSubscribe('wish');
    const saved = await save.run(values);
    if (!saved) return;
    toastSuccess(wishId ? '已重新提交' : '已提交，等待社工审核');
    replacePage(ROUTES.wishDetail, { id: saved.id });
  };

  return (
    <PageShell className="wish-submit-page">
      <PageHeader
        title={wishId ? '修改心愿' : '提交心愿'}
        subtitle="社工会先看一看，再用不含您个人信息的文字发布到心愿墙。"
      />
      <WishForm
        initial={existing.data}
        showHardship={session.isStaff && Boolean(wishId)}
        submitText={wishId ? '重新提交' : '提交心愿'}
        pending={save.pending}
        fieldErrors={save.fieldErrors}
        error={save.error?.message}
        onSubmit={(values) => void submit(values)}
      />
    </PageShell>
  );
}
