import { Text, View } from '@tarojs/components';
import type { WishStatus as Status } from '@linli/types/entities/wish';
import WishStatus from '@/components/wish-status';
import './index.scss';

export interface WishRowProps {
  title: string;
  status: Status;
  /** One line of facts: category, value, who, when. */
  meta: string;
  /** What the person is asked to do, if anything: 请确认收到 … */
  prompt?: string;
  onClick: () => void;
}

/** A wish in a list (我的心愿, the staff inbox): tap to open it. */
export default function WishRow({ title, status, meta, prompt, onClick }: WishRowProps) {
  return (
    <View className="ll-wish-row" role="button" data-testid="wish-row" onClick={onClick}>
      <View className="ll-wish-row__head">
        <Text className="ll-wish-row__title">{title}</Text>
        <WishStatus status={status} />
      </View>
      <Text className="ll-wish-row__meta">{meta}</Text>
      {prompt && <Text className="ll-wish-row__prompt">{prompt}</Text>}
    </View>
  );
}
