import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { WISH_MAX_PHOTOS, type PublicWish } from '@linli/types/entities/wish';
import Field from '@/components/field';
import PageShell from '@/components/page-shell';
import PhotoGallery from '@/components/photo-gallery';
import PhotoPicker from '@/components/photo-picker';
import PublicWishCard from '@/components/public-wish-card';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { formatMoment } from '@/services/activity-time';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import './index.scss';

/** What the claimer does next, in one sentence. */
export function nextStepText(wish: Pick<PublicWish, 'status' | 'claimedByMe' | 'contactName'>): string | null {
  if (!wish.claimedByMe) return null;
  const contact = wish.contactName ? `社工${wish.contactName}` : '社工站';
  if (wish.status === 'claimed') return `您已认领。请联系${contact}约定交付方式，送到后在下面登记交付。`;
  if (wish.status === 'fulfilled') return '已登记交付，等待受助人或社工确认收到。';
  if (wish.status === 'confirmed') return '受助人已确认收到，心愿点亮了，谢谢您！';
  return null;
}

/**
 * A wish on the wall: its public text, and — as the function allows (`can`) — 认领, 放弃认领, and
 * 登记交付 with a note of what was delivered and how, and photos. Two people claiming at once: one
 * holds it, the other is told someone was quicker.
 */
export default function WishItemPage() {
  const wishId = useRouter().params.id ?? '';
  const wish = useAsync(() => call('wishes', 'publicView', { wishId }), [wishId]);
  usePageRefresh(wish.reload);
  const [note, setNote] = useState('');
  const [photoFileIds, setPhotoFileIds] = useState<string[]>([]);
  const [photosUploading, setPhotosUploading] = useState(false);
  const claim = useAction((requestId: string) => call('wishes', 'claim', { wishId }, { requestId }));
  const release = useAction((requestId: string) => call('wishes', 'release', { wishId }, { requestId }));
  const fulfil = useAction((text: string, photos: string[], requestId: string) =>
    call('wishes', 'fulfil', { wishId, note: text, photoFileIds: photos }, { requestId }),
  );

  if (!wish.data) {
    return (
      <PageShell>{wish.error ? <ErrorState error={wish.error} onRetry={wish.reload} /> : <LoadingState />}</PageShell>
    );
  }
  const { can } = wish.data;
  const next = nextStepText(wish.data);

  const claimWish = async () => {
    const answer = await claim.run();
    if (answer) {
      wish.setData(answer);
      toastSuccess('认领成功');
    } else {
      wish.reload(); // taken meanwhile: show who holds it now
    }
  };
  const releaseWish = async () => {
    const { confirm } = await Taro.showModal({ title: '放弃认领？', content: '心愿会回到心愿墙，由其他人认领。' });
    if (!confirm) return;
    const answer = await release.run();
    if (answer) wish.setData(answer);
  };
  const recordDelivery = async () => {
    const answer = await fulfil.run(note.trim(), photoFileIds);
    if (!answer) return;
    wish.setData(answer);
    toastSuccess('已登记交付');
  };

  const error = claim.error ?? release.error;
  return (
    <PageShell className="wish-item-page">
      <PublicWishCard wish={wish.data}>
        {can.includes('claim') && (
          <Button
            type="primary"
            size="large"
            block
            loading={claim.pending}
            disabled={claim.pending}
            onClick={() => void claimWish()}
          >
            认领这个心愿
          </Button>
        )}
      </PublicWishCard>
      {error && <ErrorBanner message={error.message} />}
      {next && (
        <View className="wish-item-page__next" role="status">
          {next}
        </View>
      )}
      {wish.data.delivery && (
        <View className="wish-item-page__delivery">
          <Text className="wish-item-page__label">交付 · {formatMoment(wish.data.delivery.fulfilledAt)}</Text>
          <Text className="wish-item-page__text">{wish.data.delivery.note}</Text>
          <PhotoGallery urls={wish.data.delivery.photoUrls} label="交付照片" />
        </View>
      )}
      {can.includes('fulfil') && (
        <View className="wish-item-page__fulfil">
          <Field label="交付情况" error={fulfil.fieldErrors.note} hint="例如：已送到社工站，由李社工转交">
            <TextArea
              className="wish-item-page__note"
              placeholder="送了什么、怎么交付的"
              value={note}
              maxLength={200}
              rows={3}
              onChange={setNote}
            />
          </Field>
          <Field label="交付照片" optional hint="拍一张交付时的照片，只有您、受助人和社工能看到">
            <PhotoPicker max={WISH_MAX_PHOTOS} onChange={setPhotoFileIds} onBusyChange={setPhotosUploading} />
          </Field>
          {fulfil.error && !fulfil.fieldErrors.note && <ErrorBanner message={fulfil.error.message} />}
          <Button
            type="primary"
            size="large"
            block
            loading={fulfil.pending}
            disabled={fulfil.pending || photosUploading}
            onClick={() => void recordDelivery()}
          >
            {photosUploading ? '照片上传中…' : '登记交付'}
          </Button>
        </View>
      )}
      {can.includes('release') && (
        <Button block loading={release.pending} disabled={release.pending} onClick={() => void releaseWish()}>
          放弃认领
        </Button>
      )}
    </PageShell>
  );
}
