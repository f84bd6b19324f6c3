import { Image, Text, View } from '@tarojs/components';
import { CARD_HINT, CARD_TITLE, type CardFace } from '@/services/card-drawing';
import './index.scss';

export interface CodeCardProps {
  face: CardFace;
  /** The QR of the personal code, as base64 PNG (checkin.personCard / myCode). */
  qrBase64: string;
}

/**
 * The 签到卡 on screen and on paper: the same card services/card-drawing draws for 保存图片, laid
 * out in proportions of a bank card (85.6 × 54 mm). Its sizes are relative to the card, so
 * printing (print CSS in index.scss) only has to set the card's width in millimetres.
 */
export default function CodeCard({ face, qrBase64 }: CodeCardProps) {
  return (
    <View className="ll-code-card" data-testid="code-card">
      <View className="ll-code-card__band">
        <Text className="ll-code-card__title">{CARD_TITLE}</Text>
        {face.stationName && <Text className="ll-code-card__station">{face.stationName}</Text>}
      </View>
      <View className="ll-code-card__body">
        <View className="ll-code-card__qr">
          <Image
            className="ll-code-card__qr-image"
            src={`data:image/png;base64,${qrBase64}`}
            mode="widthFix"
            aria-label={`${face.name}的签到码`}
          />
        </View>
        <View className="ll-code-card__words">
          <Text className="ll-code-card__name">{face.name}</Text>
          {face.communityName && <Text className="ll-code-card__community">{face.communityName}</Text>}
          <Text className="ll-code-card__hint">{CARD_HINT}</Text>
          <Text className="ll-code-card__code">{face.code}</Text>
        </View>
      </View>
    </View>
  );
}
