import { Text, View } from '@tarojs/components';
import { HARDSHIP_LABELS, WISH_CATEGORY_LABELS, type WishDetail } from '@linli/types/entities/wish';
import PhotoGallery from '@/components/photo-gallery';
import WishStatus from '@/components/wish-status';
import { formatMoment } from '@/services/activity-time';
import './index.scss';

export interface WishDetailCardProps {
  wish: WishDetail;
  /** Staff see who it is for (name, community, phone tail, hardship); the beneficiary knows. */
  showBeneficiary?: boolean;
}

/** `生活用品 · 约200元`. */
export const wishFacts = (wish: Pick<WishDetail, 'category' | 'estimatedValue'>): string =>
  `${WISH_CATEGORY_LABELS[wish.category]} · 约${wish.estimatedValue}元`;

/** What the review note is, by where the wish stands. */
function reviewNoteTitle(wish: WishDetail): string {
  if (wish.status === 'held') return '平台内容检测未通过，需修改公开内容后重新审核';
  if (wish.status === 'declined') return '未通过的原因';
  return '社工请修改';
}

/**
 * A wish whole, for its beneficiary and the station's staff: what, why and its photos, the value,
 * who it is for (staff), the public text the wall shows, the review note, the claimer and the
 * delivery with its photos.
 */
export default function WishDetailCard({ wish, showBeneficiary = false }: WishDetailCardProps) {
  const { beneficiary } = wish;
  return (
    <View className="ll-wish-detail" data-testid="wish-detail">
      <View className="ll-wish-detail__head">
        <Text className="ll-wish-detail__what">{wish.what}</Text>
        <WishStatus status={wish.status} />
      </View>
      <Text className="ll-wish-detail__facts">
        {wishFacts(wish)} · {formatMoment(wish.submittedAt)}提交
      </Text>
      {showBeneficiary && (
        <View className="ll-wish-detail__block">
          <Text className="ll-wish-detail__label">受助人</Text>
          <Text className="ll-wish-detail__text">
            {[
              beneficiary.name,
              beneficiary.communityName,
              beneficiary.phoneTail ? `尾号${beneficiary.phoneTail}` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {wish.hardship && <Text className="ll-wish-detail__text">困难类别：{HARDSHIP_LABELS[wish.hardship]}</Text>}
          {wish.onBehalf && <Text className="ll-wish-detail__text">由{wish.submittedByName}代为提交</Text>}
        </View>
      )}
      <View className="ll-wish-detail__block">
        <Text className="ll-wish-detail__label">原因</Text>
        <Text className="ll-wish-detail__text">{wish.why}</Text>
        <PhotoGallery urls={wish.photoUrls} label="心愿照片" />
      </View>
      {wish.reviewNote && (
        <View className="ll-wish-detail__note" role="note">
          <Text className="ll-wish-detail__label">{reviewNoteTitle(wish)}</Text>
          <Text className="ll-wish-detail__text">{wish.reviewNote}</Text>
        </View>
      )}
      {wish.publicTitle && wish.publicText && (
        <View className="ll-wish-detail__block">
          <Text className="ll-wish-detail__label">心愿墙上显示</Text>
          <Text className="ll-wish-detail__public-title">{wish.publicTitle}</Text>
          <Text className="ll-wish-detail__text">{wish.publicText}</Text>
        </View>
      )}
      {wish.claimerName && (
        <Text className="ll-wish-detail__facts">
          认领人：{wish.claimerName}
          {wish.claimedAt ? ` · ${formatMoment(wish.claimedAt)}` : ''}
        </Text>
      )}
      {wish.delivery && (
        <View className="ll-wish-detail__block">
          <Text className="ll-wish-detail__label">交付 · {formatMoment(wish.delivery.fulfilledAt)}</Text>
          <Text className="ll-wish-detail__text">{wish.delivery.note}</Text>
          <PhotoGallery urls={wish.delivery.photoUrls} label="交付照片" />
        </View>
      )}
      {wish.confirmedAt && (
        <Text className="ll-wish-detail__done">{formatMoment(wish.confirmedAt)} 已确认收到，心愿点亮</Text>
      )}
    </View>
  );
}
