import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import './index.scss';

export interface NoticeCardProps {
  title: string;
  description?: string;
  actionText?: string;
  onAction?: () => void;
}

/** A highlighted card that asks the person to do one thing (e.g. 完善资料). */
export default function NoticeCard({ title, description, actionText, onAction }: NoticeCardProps) {
  return (
    <View className="ll-notice-card" role="note">
      <Text className="ll-notice-card__title">{title}</Text>
      {description && <Text className="ll-notice-card__text">{description}</Text>}
      {actionText && onAction && (
        <Button className="ll-notice-card__action" type="primary" size="large" block onClick={onAction}>
          {actionText}
        </Button>
      )}
    </View>
  );
}
