import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PublicWish } from '@linli/types/entities/wish';
import { wishFacts } from '@/components/wish-detail-card';
import WishStatus from '@/components/wish-status';
import './index.scss';

export interface PublicWishCardProps {
  wish: PublicWish;
  onClick?: () => void;
  /** Buttons under the card (认领 …). */
  children?: ReactNode;
}

/** Who holds it, as the wall may say: 我已认领, or the claimer's masked name. */
export function claimText(wish: Pick<PublicWish, 'claimedByMe' | 'claimerName'>): string | null {
  if (wish.claimedByMe) return '我已认领';
  return wish.claimerName ? `${wish.claimerName} 已认领` : null;
}

/**
 * A wish on 心愿墙: its public title and text, category, value and community — never anything of
 * the person it is for (the function's public projection has nothing else to give).
 */
export default function PublicWishCard({ wish, onClick, children }: PublicWishCardProps) {
  const claim = claimText(wish);
  return (
    <View className="ll-public-wish" data-testid="public-wish" role={onClick ? 'button' : undefined} onClick={onClick}>
      <View className="ll-public-wish__head">
        <Text className="ll-public-wish__title">{wish.title}</Text>
        <WishStatus status={wish.status} />
      </View>
      <Text className="ll-public-wish__text">{wish.text}</Text>
      <Text className="ll-public-wish__facts">{[wishFacts(wish), wish.communityName].filter(Boolean).join(' · ')}</Text>
      {claim && <Text className="ll-public-wish__claim">{claim}</Text>}
      {children && <View className="ll-public-wish__actions">{children}</View>}
    </View>
  );
}
