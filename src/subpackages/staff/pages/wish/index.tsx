import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { WISH_MAX_PHOTOS, type WishDetail } from '@linli/types/entities/wish';
import Field from '@/components/field';
import PageShell from '@/components/page-shell';
import PhotoPicker from '@/components/photo-picker';
import ReasonDialog from '@/components/reason-dialog';
import StaffGate from '@/components/staff-gate';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import WishDetailCard from '@/components/wish-detail-card';
import WishHistory from '@/components/wish-history';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { call } from '@/services/api';
import { toastMessage, toastSuccess } from '@/services/feedback';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

type Dialog = 'request_changes' | 'decline' | null;

/** What the approval came to: on the wall, or held by the platform's content check. */
export const approvalToast = (wish: Pick<WishDetail, 'status'>): string =>
  wish.status === 'published' ? '已发布到心愿墙' : '内容检测未通过，请修改公开内容后再审核';

/**
 * One wish for staff: who it is for and why, the public text to publish it with (审核通过并发布,
 * 请修改, 不通过), and the later steps staff take for people who cannot — 登记交付 when the gift came
 * to the station, 代为确认收到 after a phone call — with the whole history. The buttons are what the
 * function allows this person now (`can`).
 */
export default function StaffWishPage() {
  return (
    <StaffGate need="staff">
      <StaffWish />
    </StaffGate>
  );
}

function StaffWish() {
  const wishId = useRouter().params.id ?? '';
  const wish = useAsync(() => call('wishes', 'get', { wishId }), [wishId]);
  usePageRefresh(wish.reload);
  const [publicTitle, setPublicTitle] = useState('');
  const [publicText, setPublicText] = useState('');
  const [deliveryNote, setDeliveryNote] = useState('');
  const [deliveryPhotos, setDeliveryPhotos] = useState<string[]>([]);
  const [photosUploading, setPhotosUploading] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);

  // The public text starts from what was published before, or from the wish itself for the title.
  const loaded = wish.data;
  useEffect(() => {
    if (!loaded) return;
    setPublicTitle((current) => current || loaded.publicTitle || loaded.what);
    setPublicText((current) => current || loaded.publicText || '');
  }, [loaded]);

  const approve = useAction((title: string, text: string, requestId: string) =>
    call('wishes', 'approve', { wishId, publicTitle: title, publicText: text }, { requestId }),
  );
  const review = useAction((kind: Exclude<Dialog, null>, reason: string, requestId: string) =>
    kind === 'decline'
      ? call('wishes', 'decline', { wishId, reason }, { requestId })
      : call('wishes', 'requestChanges', { wishId, reason }, { requestId }),
  );
  const confirm = useAction((requestId: string) => call('wishes', 'confirm', { wishId }, { requestId }));
  const withdraw = useAction((requestId: string) => call('wishes', 'withdraw', { wishId }, { requestId }));
  const release = useAction((requestId: string) => call('wishes', 'release', { wishId }, { requestId }));
  const fulfil = useAction((note: string, photoFileIds: string[], requestId: string) =>
    call('wishes', 'fulfil', { wishId, note, photoFileIds }, { requestId }),
  );

  if (!wish.data) {
    return (
      <PageShell>{wish.error ? <ErrorState error={wish.error} onRetry={wish.reload} /> : <LoadingState />}</PageShell>
    );
  }
  const { can } = wish.data;

  const publish = async () => {
    const answer = await approve.run(publicTitle.trim(), publicText.trim());
    if (!answer) return;
    wish.setData(answer);
    if (answer.status === 'published') toastSuccess(approvalToast(answer));
    else toastMessage(approvalToast(answer));
  };
  const confirmDialog = async (reason: string) => {
    if (!dialog) return;
    const answer = await review.run(dialog, reason);
    if (!answer) return;
    setDialog(null);
    wish.setData(answer);
    toastSuccess(dialog === 'decline' ? '已标记为不通过' : '已请提交人修改');
  };
  /** A step after a yes in a confirmation dialog; staff steps on the wall answer the public view, so read again. */
  const afterConfirming = async (title: string, content: string, run: () => Promise<unknown>) => {
    const { confirm: sure } = await Taro.showModal({ title, content });
    if (!sure) return;
    if (await run()) wish.reload();
  };
  const recordDelivery = async () => {
    if (await fulfil.run(deliveryNote.trim(), deliveryPhotos)) {
      toastSuccess('已登记交付');
      wish.reload();
    }
  };

  const stepError = confirm.error ?? withdraw.error ?? release.error;
  // A text can break several rules at once (a name and a hardship): show every one at its field.
  const problemsAt = (path: 'publicTitle' | 'publicText'): string | undefined =>
    approve.error?.fields
      ?.filter((field) => field.path === path)
      .map((field) => field.message)
      .join('；') || undefined;
  return (
    <PageShell className="staff-wish-page">
      <WishDetailCard wish={wish.data} showBeneficiary />

      {can.includes('approve') && (
        <View className="staff-wish-page__section" data-testid="wish-review">
          <Text className="staff-wish-page__heading">审核并发布到心愿墙</Text>
          <Text className="staff-wish-page__rule">
            公开内容全站可见：不要写姓名、电话、门牌住址，也不要写低保、残疾、独居等困难类别。发布前还会经过平台内容安全检测。
          </Text>
          <Field label="公开标题" error={problemsAt('publicTitle')}>
            <Input
              name="publicTitle"
              placeholder="例如：为长者添一台电饭煲"
              value={publicTitle}
              maxLength={30}
              onChange={setPublicTitle}
            />
          </Field>
          <Field label="公开说明" error={problemsAt('publicText')}>
            <TextArea
              className="staff-wish-page__textarea"
              placeholder="例如：一位长者家里的电饭煲坏了，想要一台小容量的电饭煲"
              value={publicText}
              maxLength={200}
              rows={3}
              onChange={setPublicText}
            />
          </Field>
          {approve.error && Object.keys(approve.fieldErrors).length === 0 && (
            <ErrorBanner message={approve.error.message} />
          )}
          <Button
            type="primary"
            size="large"
            block
            loading={approve.pending}
            disabled={approve.pending}
            onClick={() => void publish()}
          >
            审核通过并发布
          </Button>
        </View>
      )}

      <View className="staff-wish-page__actions">
        {can.includes('request_changes') && (
          <Button block onClick={() => setDialog('request_changes')}>
            请提交人修改
          </Button>
        )}
        {can.includes('decline') && (
          <Button type="danger" fill="outline" block onClick={() => setDialog('decline')}>
            不通过
          </Button>
        )}
        {can.includes('revise') && (
          <Button type="primary" block onClick={() => openPage(ROUTES.wishSubmit, { id: wishId })}>
            修改心愿
          </Button>
        )}
        {can.includes('confirm') && (
          <Button
            type="primary"
            size="large"
            block
            loading={confirm.pending}
            disabled={confirm.pending}
            onClick={() => void afterConfirming('代受助人确认收到？', '请先和受助人核实已收到。', () => confirm.run())}
          >
            代为确认收到
          </Button>
        )}
        {can.includes('release') && (
          <Button
            block
            loading={release.pending}
            disabled={release.pending}
            onClick={() => void afterConfirming('取消这次认领？', '心愿会回到心愿墙。', () => release.run())}
          >
            取消认领
          </Button>
        )}
        {can.includes('withdraw') && (
          <Button
            block
            loading={withdraw.pending}
            disabled={withdraw.pending}
            onClick={() => void afterConfirming('撤回这个心愿？', '撤回后心愿墙上不再显示。', () => withdraw.run())}
          >
            撤回心愿
          </Button>
        )}
        {stepError && <ErrorBanner message={stepError.message} />}
      </View>

      {can.includes('fulfil') && (
        <View className="staff-wish-page__section">
          <Text className="staff-wish-page__heading">登记交付</Text>
          <Field label="交付情况" error={fulfil.fieldErrors.note} hint="例如：认领人送到社工站，已转交">
            <TextArea
              className="staff-wish-page__textarea"
              placeholder="送了什么、怎么交付的"
              value={deliveryNote}
              maxLength={200}
              rows={3}
              onChange={setDeliveryNote}
            />
          </Field>
          <Field label="交付照片" optional>
            <PhotoPicker max={WISH_MAX_PHOTOS} onChange={setDeliveryPhotos} onBusyChange={setPhotosUploading} />
          </Field>
          {fulfil.error && !fulfil.fieldErrors.note && <ErrorBanner message={fulfil.error.message} />}
          <Button
            block
            loading={fulfil.pending}
            disabled={fulfil.pending || photosUploading}
            onClick={() => void recordDelivery()}
          >
            {photosUploading ? '照片上传中…' : '登记交付'}
          </Button>
        </View>
      )}

      <WishHistory history={wish.data.history} />

      {dialog && (
        <ReasonDialog
          title={dialog === 'decline' ? '不通过这个心愿' : '请提交人修改'}
          description={dialog === 'decline' ? '提交人会看到原因。' : '写明要修改什么，提交人修改后会回到待审核。'}
          placeholder={dialog === 'decline' ? '不通过的原因' : '需要修改的地方'}
          confirmText={dialog === 'decline' ? '不通过' : '发送'}
          pending={review.pending}
          error={review.fieldErrors.reason ?? review.error?.message}
          emptyMessage="请填写原因"
          onConfirm={(reason) => void confirmDialog(reason)}
          onClose={() => setDialog(null)}
        />
      )}
    </PageShell>
  );
}
